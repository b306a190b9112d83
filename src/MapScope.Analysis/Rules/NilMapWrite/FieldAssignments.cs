using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>
/// How the package sets struct fields, by field name (matching by name across types can only make the
/// rule quieter): assignments `x.f = v` (split into `= nil` and everything else, with address-taking and
/// range assignment counted as "everything else"), and the field names keyed literals set, with test files
/// kept apart (a test building its own value says nothing about the package's constructors).
/// </summary>
internal sealed class FieldAssignments
{
    /// <summary>Fields assigned something other than the literal nil, or whose address is taken.</summary>
    public HashSet<string> Assigned { get; } = new(StringComparer.Ordinal);
    /// <summary>Fields assigned the literal nil outside tests: x.f = nil.</summary>
    public Dictionary<string, List<Reset>> ResetToNil { get; } = new(StringComparer.Ordinal);

    /// <summary>x.f = nil at At; Companions are the other fields of x the same function sets to a value (m.delegate = meter).</summary>
    public sealed record Reset(ParsedFile File, AssignStmt At, Semantics.Types.Object? Owner, IReadOnlySet<string> Companions);
    /// <summary>Fields some composite literal outside tests sets (positional literals set all of their type's fields).</summary>
    public HashSet<string> SetByLiteral { get; } = new(StringComparer.Ordinal);
    /// <summary>Keyed composite literals outside tests, with their struct type.</summary>
    public List<(ParsedFile File, CompositeLit Lit, Named Type)> Literals { get; } = [];

    public FieldAssignments(Pass pass)
    {
        foreach (var file in pass.Files)
        {
            bool test = file.Path.EndsWith("_test.go", StringComparison.Ordinal);
            Inspector.Inspect(file.File, n =>
            {
                switch (n)
                {
                    case AssignStmt a:
                        for (int i = 0; i < a.Lhs.Count; i++)
                        {
                            if (GoAst.Unparen(a.Lhs[i]) is not SelectorExpr s) continue;
                            bool nil = a.Lhs.Count == a.Rhs.Count && GoAst.Unparen(a.Rhs[i]) is Ident { Name: "nil" } id && GoAst.ObjectOf(pass, id) is Nil;
                            if (nil && !test)
                            {
                                if (InTerminalFunc(file, a) || MarksDone(pass, file, s.X, a)) continue; // Close() drops the map: the value is done
                                if (HandsOffLocal(pass, file, s.X, a)) continue;
                                if (!ResetToNil.TryGetValue(s.Sel.Name, out var list)) ResetToNil[s.Sel.Name] = list = [];
                                list.Add(new Reset(file, a, OwnerOf(pass, s.X), Companions(pass, file, s.X, s.Sel.Name, a)));
                            }
                            else if (!nil) Assigned.Add(s.Sel.Name);
                        }
                        break;
                    case UnaryExpr { Op: Token.AND } u when GoAst.Unparen(u.X) is SelectorExpr us:
                        Assigned.Add(us.Sel.Name);
                        break;
                    case RangeStmt { Tok: Token.ASSIGN } r:
                        foreach (var e in new[] { r.Key, r.Value })
                            if (e != null && GoAst.Unparen(e) is SelectorExpr rs) Assigned.Add(rs.Sel.Name);
                        break;
                    case CompositeLit cl when !test:
                        var t = pass.TypeOf(cl);
                        if (t is Pointer p) t = p.Elem;
                        if (t.Underlying is not Struct st) break;
                        if (cl.Elts.Count > 0 && cl.Elts[0] is not KeyValueExpr)
                        {
                            foreach (var f in st.Fields) SetByLiteral.Add(f.Name);
                            break;
                        }
                        foreach (var e in cl.Elts)
                            if (e is KeyValueExpr { Key: Ident k }) SetByLiteral.Add(k.Name);
                        if (t is Named named && named.Obj.Pkg?.Path == pass.Package.Path) Literals.Add((file, cl, named));
                        break;
                }
                return true;
            }, comments: false);
        }
    }

    private static Semantics.Types.Object? OwnerOf(Pass pass, Expr x)
    {
        var t = pass.TypeOf(x);
        if (t is Pointer p) t = p.Elem;
        return t is Named n ? n.Obj : null;
    }

    /// <summary>
    /// Whether the function that resets x.f also sets a boolean field of x to a constant (x.closed = true,
    /// x.inactive = true): the value is marked done, and writes elsewhere check that flag.
    /// </summary>
    private static bool MarksDone(Pass pass, ParsedFile file, Expr x, AssignStmt reset)
    {
        var baseText = GoAst.Text(file, x);
        if (EnclosingFunc(file, reset) is { Body: { } body })
        {
            bool marks = false;
            Inspector.Inspect(body, n =>
            {
                if (marks) return false;
                if (n is AssignStmt { Lhs: [SelectorExpr ls], Rhs: [Ident { Name: "true" or "false" } b] } && GoAst.ObjectOf(pass, b) is Const
                    && GoAst.Text(file, ls.X) == baseText) marks = true;
                if (n is CallExpr { Fun: SelectorExpr { Sel.Name: "Store", X: SelectorExpr flag }, Args: [Ident { Name: "true" }] } && GoAst.Text(file, flag.X) == baseText) marks = true;
                return true;
            }, comments: false);
            return marks;
        }
        return false;
    }

    /// <summary>
    /// A reset of a value the function made itself and never touches again (`loader.maps = nil` before returning
    /// the maps, so that a deferred cleanup does not close them): the value's life ends there, no write follows.
    /// </summary>
    private static bool HandsOffLocal(Pass pass, ParsedFile file, Expr x, AssignStmt reset)
    {
        while (GoAst.Unparen(x) is SelectorExpr inner) x = inner.X;
        if (GoAst.Unparen(x) is not Ident id || GoAst.ObjectOf(pass, id) is not Var v || v.IsPackageLevel) return false;
        var fd = EnclosingFunc(file, reset);
        if (fd?.Body == null || !(fd.Body.Pos <= v.Pos && v.Pos < fd.Body.End)) return false; // a parameter or receiver: callers keep using it
        bool usedAfter = false;
        Inspector.Inspect(fd.Body, n =>
        {
            if (usedAfter) return false;
            if (n is Ident u && u.Pos >= reset.End && ReferenceEquals(GoAst.ObjectOf(pass, u), v)) usedAfter = true;
            return true;
        }, comments: false);
        return !usedAfter;
    }

    /// <summary>The other fields of x that the function doing the reset assigns a non-nil value: the state that moved with it.</summary>
    private static IReadOnlySet<string> Companions(Pass pass, ParsedFile file, Expr x, string field, AssignStmt reset)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var baseText = GoAst.Text(file, x);
        var fd = EnclosingFunc(file, reset);
        if (fd?.Body == null) return result;
        Inspector.Inspect(fd.Body, n =>
        {
            if (n is AssignStmt a && a.Lhs.Count == a.Rhs.Count)
                for (int i = 0; i < a.Lhs.Count; i++)
                    if (GoAst.Unparen(a.Lhs[i]) is SelectorExpr ls && ls.Sel.Name != field && GoAst.Text(file, ls.X) == baseText
                        && !(GoAst.Unparen(a.Rhs[i]) is Ident { Name: "nil" } rid && GoAst.ObjectOf(pass, rid) is Nil))
                        result.Add(ls.Sel.Name);
            return true;
        }, comments: false);
        return result;
    }

    /// <summary>Whether at lies in a method that ends the value's life (Close, Stop, Shutdown...): later writes are use-after-close, not a nil path.</summary>
    private static bool InTerminalFunc(ParsedFile file, Node at)
    {
        return EnclosingFunc(file, at) is { } fd && fd.Name.Name.ToLowerInvariant() is var n && (n.Contains("close") || n.Contains("stop") || n.Contains("shutdown") || n.Contains("release")
               || n.Contains("destroy") || n.Contains("teardown") || n.Contains("cleanup") || n.Contains("dispose") || n.Contains("finish") || n.Contains("unregister") || n.Contains("deregister"));
    }

    /// <summary>The function declaration whose body holds the node.</summary>
    private static FuncDecl? EnclosingFunc(ParsedFile file, Node n) =>
        file.File.Decls.OfType<FuncDecl>().FirstOrDefault(f => f.Body != null && f.Body.Pos <= n.Pos && n.End <= f.Body.End);

    /// <summary>Whether a literal sets field to a map that is certainly not nil (make(...) or a map literal).</summary>
    public static bool SetsNonNilMap(Pass pass, CompositeLit lit, string field) =>
        lit.Elts.OfType<KeyValueExpr>().Any(kv => kv.Key is Ident { Name: var k } && k == field && IsMadeMap(pass, kv.Value));

    public static bool IsMadeMap(Pass pass, Expr e)
    {
        e = GoAst.Unparen(e);
        return e is CompositeLit ml && pass.IsMap(ml) || e is CallExpr c && GoAst.IsBuiltinCall(pass, c, "make") && pass.IsMap(c);
    }
}
