using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.UnboundedMapGrowth;

/// <summary>
/// For each package-level map variable: whether anything in the package can make it smaller or replace it —
/// delete, clear, reassignment, a len(m) comparison (a size bound), taking its address, or letting it escape
/// under another name (passed as an argument, assigned, returned), after which deletes could happen elsewhere.
/// </summary>
internal sealed class MapLifecycle
{
    private readonly HashSet<Var> _shrinkable = new(ReferenceEqualityComparer.Instance);

    public MapLifecycle(Pass pass)
    {
        foreach (var file in pass.Files)
        {
            var parents = new Parents(file.File);
            Inspector.Inspect(file.File, n =>
            {
                if (n is Ident id && pass.Checker.Uses.TryGetValue(id, out var o) && o is Var { IsPackageLevel: true } v && Escapes(pass, id, parents))
                    _shrinkable.Add(v);
                return true;
            }, comments: false);
        }
    }

    public bool MayShrink(Var v) => _shrinkable.Contains(v);

    private static bool Escapes(Pass pass, Ident use, Parents parents)
    {
        Expr self = use;
        while (parents.Of(self) is ParenExpr pe) self = pe;
        var parent = parents.Of(self);
        switch (parent)
        {
            case IndexExpr ix when ReferenceEquals(ix.X, self):
                return false; // m[k], read or write
            case RangeStmt r when ReferenceEquals(r.X, self):
                return false;
            case CallExpr call when call.Args.Any(a => ReferenceEquals(a, self)):
                if (GoAst.IsBuiltinCall(pass, call, "len"))
                    return parents.Of(call) is BinaryExpr { Op: Token.LSS or Token.LEQ or Token.GTR or Token.GEQ or Token.EQL or Token.NEQ };
                return true; // delete, clear, or any function that could delete from it
            case AssignStmt a when a.Lhs.Any(l => ReferenceEquals(l, self)):
                return true; // reassigned
            case ValueSpec vs when vs.Names.Any(n => ReferenceEquals(n, self)):
                return false; // its declaration
            case BinaryExpr { Op: Token.EQL or Token.NEQ }:
                return false; // m == nil
            default:
                return true; // assigned to another name, returned, address taken, stored in a struct...
        }
    }
}
