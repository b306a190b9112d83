using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>How a tracked variable holds a nil map.</summary>
internal enum NilKind
{
    /// <summary>The variable is a nil map: m[k] = v panics.</summary>
    Map,
    /// <summary>The variable points to a nil map (p := new(map...)): (*p)[k] = v panics.</summary>
    PointerToMap,
    /// <summary>The variable is a struct (or pointer to one) whose listed map fields were left nil: t.f[k] = v panics.</summary>
    StructFields,
}

/// <summary>A local variable that starts out holding a nil map, why, and how to initialize it.</summary>
internal sealed record Tracked(Var Var, NilKind Kind, int DeclEnd, string Why, string MapType, IReadOnlyDictionary<string, string>? Fields = null);

/// <summary>Finds, in one function body, the variables that start out nil (declared without value, named results, new(map), struct literals, nil-returning calls).</summary>
internal static class NilSources
{
    public static List<Tracked> In(Pass pass, FuncBody fn, NilReturningFuncs nilFuncs)
    {
        var found = new List<Tracked>();
        var file = fn.File;
        // named results of map type start nil
        foreach (var field in fn.Type.Results?.List ?? [])
        {
            if (field.Type == null || field.Names == null) continue;
            foreach (var name in field.Names)
                if (GoAst.ObjectOf(pass, name) is Var v && MapTypeOf(v.Type))
                    found.Add(new Tracked(v, NilKind.Map, fn.Body.Pos, $"named result {name.Name} starts out nil", GoAst.Text(file, field.Type)));
        }
        FuncBodies.InspectOwn(fn.Body, n =>
        {
            switch (n)
            {
                case ValueSpec spec when spec.Values == null || spec.Values.Count == 0:
                    foreach (var name in spec.Names)
                    {
                        if (GoAst.ObjectOf(pass, name) is not Var v || v.IsPackageLevel) continue;
                        if (MapTypeOf(v.Type))
                            found.Add(new Tracked(v, NilKind.Map, spec.End, $"{name.Name} is declared without a value", spec.Type != null ? GoAst.Text(file, spec.Type) : TypeString.Of(v.Type)));
                        else if (StructMapFields(v.Type, null, file) is { Count: > 0 } fields)
                            found.Add(new Tracked(v, NilKind.StructFields, spec.End, $"{name.Name} is declared without a value", "", fields));
                    }
                    break;
                case ValueSpec spec when spec.Values!.Count == spec.Names.Count:
                    for (int i = 0; i < spec.Names.Count; i++) Initialized(spec.Names[i], spec.Values[i], spec.End);
                    break;
                case AssignStmt { Tok: Token.DEFINE } a when a.Lhs.Count == a.Rhs.Count:
                    for (int i = 0; i < a.Lhs.Count; i++)
                        if (a.Lhs[i] is Ident id && pass.Checker.Defs.ContainsKey(id)) Initialized(id, a.Rhs[i], a.End);
                    break;
            }
            return true;
        });
        return found;

        void Initialized(Ident name, Expr value, int end)
        {
            if (GoAst.ObjectOf(pass, name) is not Var v) return;
            var x = GoAst.Unparen(value);
            if (x is CallExpr { Args.Count: 1 } nc && GoAst.IsBuiltinCall(pass, nc, "new") && v.Type is Pointer { Elem: var e })
            {
                if (MapTypeOf(e))
                    found.Add(new Tracked(v, NilKind.PointerToMap, end, $"{name.Name} := new({GoAst.Text(file, nc.Args[0])}) points to a nil map", GoAst.Text(file, nc.Args[0])));
                else if (StructMapFields(e, null, file) is { Count: > 0 } zeroFields)
                    found.Add(new Tracked(v, NilKind.StructFields, end, $"{name.Name} := new({GoAst.Text(file, nc.Args[0])}) is a zero value", "", zeroFields));
                return;
            }
            // an explicit nil: var m map[K]V = nil, m := map[K]V(nil)
            if (MapTypeOf(v.Type) && IsNil(pass, x))
            {
                found.Add(new Tracked(v, NilKind.Map, end, $"{name.Name} is initialized to nil", TypeString.Of(v.Type)));
                return;
            }
            if (x is UnaryExpr { Op: Token.AND, X: CompositeLit pl }) x = pl;
            if (x is CompositeLit { Type: { } } cl && StructMapFields(pass.TypeOf(cl), cl, file) is { Count: > 0 } fields)
            {
                found.Add(new Tracked(v, NilKind.StructFields, end, $"{name.Name} is built by a composite literal", "", fields));
                return;
            }
            // c := maps.Clone(m) is nil when m is: a parameter (any caller may pass nil) or a tracked nil map
            if (x is CallExpr { Args.Count: 1 } clone && MapTypeOf(v.Type) && IsMapsClone(clone, file)
                && GoAst.Unparen(clone.Args[0]) is Ident arg && GoAst.ObjectOf(pass, arg) is Var source)
            {
                if (IsParam(fn.Type, source, pass))
                    found.Add(new Tracked(v, NilKind.Map, end, $"maps.Clone({arg.Name}) returns nil when the parameter {arg.Name} is nil", TypeString.Of(v.Type)));
                else if (found.Any(t => ReferenceEquals(t.Var, source) && t.Kind == NilKind.Map))
                    found.Add(new Tracked(v, NilKind.Map, end, $"maps.Clone({arg.Name}) of a nil map returns nil", TypeString.Of(v.Type)));
                return;
            }
            // c := maps.Clone(cfg.F) where cfg is a zero struct that only a decoder fills: nil when the input lacks F
            if (x is CallExpr { Args.Count: 1 } clone2 && MapTypeOf(v.Type) && IsMapsClone(clone2, file)
                && GoAst.Unparen(clone2.Args[0]) is SelectorExpr { X: Ident baseId } fsel && GoAst.ObjectOf(pass, baseId) is Var baseVar
                && found.Any(t => ReferenceEquals(t.Var, baseVar) && t.Kind == NilKind.StructFields && t.Fields!.ContainsKey(fsel.Sel.Name))
                && DecodedStructs.OnlyDecoded(pass, fn.Body, baseVar, fsel.Sel.Name) is { } decoder)
            {
                found.Add(new Tracked(v, NilKind.Map, end,
                    $"{GoAst.Text(file, fsel)} is only set by {decoder}, which leaves it nil when the input has no such field, and maps.Clone of a nil map returns nil", TypeString.Of(v.Type)));
            }
            if (x is CallExpr call && MapTypeOf(v.Type) && nilFuncs.AlwaysNil(pass, call) is { } callee)
                found.Add(new Tracked(v, NilKind.Map, end, $"{callee}() always returns nil for it", TypeString.Of(v.Type)));
        }
    }

    /// <summary>maps.Clone from the standard library or golang.org/x/exp/maps, imported under its own name.</summary>
    private static bool IsMapsClone(CallExpr call, ParsedFile file) =>
        call.Fun is SelectorExpr { X: Ident pkg, Sel.Name: "Clone" }
        && file.File.Imports.Any(i => i.Name == null && i.Path.Value is "\"maps\"" or "\"golang.org/x/exp/maps\"" && pkg.Name == "maps"
                                      || i.Name?.Name == pkg.Name && i.Path.Value is "\"maps\"" or "\"golang.org/x/exp/maps\"");

    private static bool IsParam(FuncType type, Var v, Pass pass) =>
        type.Params.List.SelectMany(f => f.Names ?? []).Any(n => ReferenceEquals(GoAst.ObjectOf(pass, n), v));

    private static bool IsNil(Pass pass, Expr x)
    {
        x = GoAst.Unparen(x);
        if (x is CallExpr { Args.Count: 1 } conv && pass.Checker.TypeExprs.Contains(GoAst.Unparen(conv.Fun))) x = GoAst.Unparen(conv.Args[0]);
        return x is Ident { Name: "nil" } id && GoAst.ObjectOf(pass, id) is Nil;
    }

    public static bool MapTypeOf(Semantics.Types.Type t) => t is not UnknownType && t.Underlying is Map;

    /// <summary>
    /// The map-typed fields a struct value leaves nil: all of them for a zero value (lit null), those the
    /// keyed literal omits otherwise; a positional literal sets every field. Field name -> declared type text.
    /// </summary>
    private static Dictionary<string, string> StructMapFields(Semantics.Types.Type t, CompositeLit? lit, ParsedFile file)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (t is Pointer p) t = p.Elem;
        if (t is not Named || t.Underlying is not Struct st) return result;
        if (lit != null && lit.Elts.Count > 0 && lit.Elts[0] is not KeyValueExpr) return result;
        var set = lit?.Elts.OfType<KeyValueExpr>().Select(kv => kv.Key is Ident k ? k.Name : "").ToHashSet() ?? [];
        foreach (var f in st.Fields)
            if (!f.Embedded && MapTypeOf(f.Type) && !set.Contains(f.Name)) result[f.Name] = TypeString.Of(f.Type);
        return result;
    }
}
