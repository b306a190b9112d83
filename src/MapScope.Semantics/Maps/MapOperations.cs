using MapScope.Semantics.Checking;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Semantics.Maps;

/// <summary>What an operation does to a map's entries (a field or variable holding the map is not the map).</summary>
public enum MapOpKind
{
    /// <summary>m[k] = v, m[k] op= v, m[k]++.</summary>
    Insert,
    /// <summary>m[k], v, ok := m[k].</summary>
    Read,
    /// <summary>delete(m, k).</summary>
    Delete,
    /// <summary>clear(m).</summary>
    Clear,
    /// <summary>for k, v := range m.</summary>
    Range,
    /// <summary>maps.Clone(m): iterates m.</summary>
    Clone,
    /// <summary>maps.Copy(dst, src): writes dst (this op) and iterates src (a <see cref="Range"/>).</summary>
    Copy,
    /// <summary>
    /// json.Marshal(m), enc.Encode(m), fmt.Sprint(m), maps.Keys(m): iterates m through reflection or an iterator,
    /// which the runtime traps as "concurrent map iteration and map write" like a range.
    /// </summary>
    Reflect,
}

/// <summary>One operation on a map: its kind, the map expression, and the node to report at.</summary>
public sealed record MapOperation(MapOpKind Kind, Expr Map, Node At)
{
    /// <summary>Whether the runtime counts it as a write (concurrent map writes / read and map write).</summary>
    public bool IsWrite => Kind is MapOpKind.Insert or MapOpKind.Delete or MapOpKind.Clear or MapOpKind.Copy;
}

/// <summary>
/// Finds the map operations in code, classified once for every rule and for attribution: the runtime's
/// notion of reads, writes and iterations (the ones its concurrent-access checks trap), on expressions the
/// checker typed as maps. Unknown types are never maps.
/// </summary>
public static class MapOperations
{
    /// <summary>
    /// The operations under root in source order. <paramref name="enter"/> decides whether to descend into a
    /// node (e.g. not into function literals or go statements); root itself is always entered.
    /// </summary>
    public static List<MapOperation> Under(Checker checker, Node root, Func<Node, bool>? enter = null)
    {
        var ops = new List<MapOperation>();
        var writeTargets = new HashSet<IndexExpr>(ReferenceEqualityComparer.Instance);
        Inspector.Inspect(root, n =>
        {
            if (!ReferenceEquals(n, root) && enter != null && !enter(n)) return false;
            Classify(checker, n, ops, writeTargets);
            return true;
        }, comments: false);
        return ops;
    }

    private static void Classify(Checker checker, Node n, List<MapOperation> ops, HashSet<IndexExpr> writeTargets)
    {
        switch (n)
        {
            case AssignStmt a:
                if (a.Tok != Token.DEFINE)
                    foreach (var lhs in a.Lhs)
                        if (Unparen(lhs) is IndexExpr ix && IsMap(checker, ix.X))
                        {
                            writeTargets.Add(ix);
                            ops.Add(new MapOperation(MapOpKind.Insert, ix.X, ix));
                            // m[k] += v reads the entry too, but a write is what matters for races
                        }
                break;
            case IncDecStmt inc when Unparen(inc.X) is IndexExpr ix2 && IsMap(checker, ix2.X):
                writeTargets.Add(ix2);
                ops.Add(new MapOperation(MapOpKind.Insert, ix2.X, ix2));
                break;
            case RangeStmt r when IsMap(checker, r.X):
                ops.Add(new MapOperation(MapOpKind.Range, r.X, r));
                break;
            case IndexExpr ix3 when !writeTargets.Contains(ix3) && IsMap(checker, ix3.X):
                ops.Add(new MapOperation(MapOpKind.Read, ix3.X, ix3));
                break;
            case CallExpr call:
                ClassifyCall(checker, call, ops);
                break;
        }
    }

    private static void ClassifyCall(Checker checker, CallExpr call, List<MapOperation> ops)
    {
        switch (Unparen(call.Fun))
        {
            case Ident { Name: "delete" } d when call.Args.Count == 2 && IsBuiltin(checker, d) && IsMap(checker, call.Args[0]):
                ops.Add(new MapOperation(MapOpKind.Delete, call.Args[0], call));
                break;
            case Ident { Name: "clear" } c when call.Args.Count == 1 && IsBuiltin(checker, c) && IsMap(checker, call.Args[0]):
                ops.Add(new MapOperation(MapOpKind.Clear, call.Args[0], call));
                break;
            case SelectorExpr { X: Ident pkg, Sel.Name: var fn } when IsPackageIdent(checker, pkg) && IteratesArguments(pkg.Name, fn):
                foreach (var arg in call.Args)
                    if (IsMap(checker, arg)) ops.Add(new MapOperation(MapOpKind.Reflect, arg, call));
                break;
            case SelectorExpr { Sel.Name: "Encode" or "Marshal" } enc when IsEncoder(checker, enc.X):
                foreach (var arg in call.Args)
                    if (IsMap(checker, arg)) ops.Add(new MapOperation(MapOpKind.Reflect, arg, call));
                break;
            case SelectorExpr { X: Ident pkg, Sel.Name: var name } when IsStdMapsPackage(checker, pkg):
                if (name == "Clone" && call.Args.Count == 1 && IsMap(checker, call.Args[0]))
                    ops.Add(new MapOperation(MapOpKind.Clone, call.Args[0], call));
                else if (name == "Copy" && call.Args.Count == 2)
                {
                    if (IsMap(checker, call.Args[0])) ops.Add(new MapOperation(MapOpKind.Copy, call.Args[0], call));
                    if (IsMap(checker, call.Args[1])) ops.Add(new MapOperation(MapOpKind.Range, call.Args[1], call));
                }
                break;
        }
    }

    /// <summary>
    /// Package functions that walk every entry of a map argument: the encoders (encoding/json, a yaml package),
    /// fmt and log printing (fmt sorts a map's keys by iterating it), reflect.DeepEqual, and the maps package's
    /// iterators (consumed where they are made, in practice: slices.Sorted(maps.Keys(m))).
    /// </summary>
    private static bool IteratesArguments(string pkg, string fn) => pkg switch
    {
        "json" or "yaml" or "toml" => fn is "Marshal" or "MarshalIndent",
        "fmt" => fn.Contains("print", StringComparison.OrdinalIgnoreCase) || fn == "Errorf",
        "log" => fn.StartsWith("Print", StringComparison.Ordinal) || fn.StartsWith("Fatal", StringComparison.Ordinal) || fn.StartsWith("Panic", StringComparison.Ordinal),
        "reflect" => fn == "DeepEqual",
        "maps" => fn is "Keys" or "Values" or "All",
        _ => false,
    };

    /// <summary>An encoder of encoding/json, encoding/gob or encoding/xml (its Encode walks the value by reflection).</summary>
    private static bool IsEncoder(Checker checker, Expr x)
    {
        if (!checker.Types.TryGetValue(x, out var t)) return false;
        if (t is Pointer p) t = p.Elem;
        return t is Named { Obj: { Name: "Encoder", Pkg.Path: "encoding/json" or "encoding/gob" or "encoding/xml" } };
    }

    /// <summary>An identifier naming an imported package: no variable, type or value of the code is called that.</summary>
    private static bool IsPackageIdent(Checker checker, Ident id) =>
        !checker.Uses.ContainsKey(id) && !checker.Types.ContainsKey(id) && !checker.TypeExprs.Contains(id);

    /// <summary>Whether the expression's type is certainly a map (or a defined type over one).</summary>
    public static bool IsMap(Checker checker, Expr e) =>
        checker.Types.TryGetValue(e, out var t) && MapExpressions.IsMap(t);

    /// <summary>A predeclared function's name, not shadowed (a shadowing declaration is recorded as a use).</summary>
    public static bool IsBuiltin(Checker checker, Ident id) =>
        !checker.Uses.ContainsKey(id) && !checker.TypeExprs.Contains(id) && checker.Pkg.Scope.LookupLocal(id.Name) == null;

    /// <summary>`maps` naming the standard library's package maps (an identifier that is no variable, type or value).</summary>
    private static bool IsStdMapsPackage(Checker checker, Ident id) =>
        id.Name == "maps" && !checker.Uses.ContainsKey(id) && !checker.Types.ContainsKey(id) && !checker.TypeExprs.Contains(id);

    private static Expr Unparen(Expr e)
    {
        while (e is ParenExpr p) e = p.X;
        return e;
    }
}
