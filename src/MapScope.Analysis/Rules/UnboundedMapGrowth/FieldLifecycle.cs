using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.UnboundedMapGrowth;

/// <summary>
/// Map field names (matched by name across the package's types, which can only make the rule quieter) that
/// some code may shrink or replace: delete, clear, a len(x.f) comparison, an assignment x.f = ... other than
/// the initialization of a value the function itself builds, taking the address, or letting the map escape
/// under another name (an argument, an assignment's right side, a return value).
/// </summary>
internal sealed class FieldLifecycle
{
    private readonly HashSet<string> _shrinkable = new(StringComparer.Ordinal);

    public FieldLifecycle(Pass pass)
    {
        foreach (var file in pass.Files)
        {
            var parents = new Parents(file.File);
            Inspector.Inspect(file.File, n =>
            {
                if (n is SelectorExpr sel && pass.IsMap(sel) && MayShrink(pass, sel, parents)) _shrinkable.Add(sel.Sel.Name);
                return true;
            }, comments: false);
        }
    }

    public bool MayShrink(string field) => _shrinkable.Contains(field);

    private static bool MayShrink(Pass pass, SelectorExpr sel, Parents parents)
    {
        Expr self = sel;
        while (parents.Of(self) is ParenExpr pe) self = pe;
        var parent = parents.Of(self);
        switch (parent)
        {
            case IndexExpr ix when ReferenceEquals(ix.X, self):
                return false; // x.f[k], read or write (x.f[k] = nil keeps the key)
            case RangeStmt r when ReferenceEquals(r.X, self):
                return false;
            case CallExpr call when call.Args.Any(a => ReferenceEquals(a, self)):
                if (GoAst.IsBuiltinCall(pass, call, "len"))
                    return parents.Of(call) is BinaryExpr { Op: Token.LSS or Token.LEQ or Token.GTR or Token.GEQ };
                return true; // delete, clear, or a function that could delete
            case AssignStmt a when a.Lhs.Any(l => ReferenceEquals(l, self)):
                // x.f = make(...) on a value this function just built (a constructor) is not a reset
                return !(GoAst.Unparen(sel.X) is Ident id && GoAst.ObjectOf(pass, id) is Var v && BuiltHere(pass, parents, a, v));
            case BinaryExpr { Op: Token.EQL or Token.NEQ }:
                return false; // x.f == nil
            case SelectorExpr:
                return false; // a method of a named map type cannot be told apart; counted by its own use
            default:
                return true;
        }
    }

    /// <summary>v is a local whose defining statement in the same function builds it (&T{...}, T{...}, new(T)).</summary>
    private static bool BuiltHere(Pass pass, Parents parents, Node at, Var v)
    {
        for (var n = parents.Of(at); n != null; n = parents.Of(n))
        {
            if (n is not (FuncDecl or FuncLit)) continue;
            bool built = false;
            Inspector.Inspect(n, m =>
            {
                if (built) return false;
                if (m is AssignStmt { Tok: Token.DEFINE } d && d.Lhs.Count == d.Rhs.Count)
                    for (int i = 0; i < d.Lhs.Count; i++)
                        if (d.Lhs[i] is Ident id && ReferenceEquals(GoAst.ObjectOf(pass, id), v))
                        {
                            var r = GoAst.Unparen(d.Rhs[i]);
                            if (r is UnaryExpr { Op: Token.AND, X: CompositeLit } or CompositeLit
                                || r is CallExpr c && GoAst.IsBuiltinCall(pass, c, "new")) built = true;
                        }
                if (m is ValueSpec vs && (vs.Values == null || vs.Values.Count == 0) && vs.Names.Any(id => ReferenceEquals(GoAst.ObjectOf(pass, id), v))) built = true;
                return true;
            }, comments: false);
            return built;
        }
        return false;
    }
}
