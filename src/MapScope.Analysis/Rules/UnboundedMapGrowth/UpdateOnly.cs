using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.UnboundedMapGrowth;

/// <summary>
/// Writes that can only overwrite an existing entry: under `if _, ok := m[k]; ok { m[k] = v }` (or an `ok`
/// from an earlier comma-ok lookup of the same map), the map does not grow.
/// </summary>
internal static class UpdateOnly
{
    public static bool Is(Pass pass, Parents parents, MapWrite w)
    {
        for (Node? n = parents.Of(w.Index); n != null; n = parents.Of(n))
        {
            if (n is FuncLit or FuncDecl) return false;
            if (n is not IfStmt ifs || !(ifs.Body.Pos <= w.Index.Pos && w.Index.End <= ifs.Body.End)) continue;
            if (GoAst.Unparen(ifs.Cond) is not Ident ok || GoAst.ObjectOf(pass, ok) is not Var okVar) continue;
            if (LookedUp(pass, ifs.Init, okVar, w.Map)) return true;
            if (parents.Of(ifs) is BlockStmt block)
                foreach (var s in block.List)
                {
                    if (ReferenceEquals(s, ifs)) break;
                    if (LookedUp(pass, s, okVar, w.Map)) return true;
                }
        }
        return false;
    }

    /// <summary>s is `v, ok := m[k]` (or `=`) for this ok and the same map.</summary>
    private static bool LookedUp(Pass pass, Stmt? s, Var ok, Expr map) =>
        s is AssignStmt { Lhs.Count: 2, Rhs: [var rhs] } a
        && GoAst.Unparen(a.Lhs[1]) is Ident id && ReferenceEquals(GoAst.ObjectOf(pass, id), ok)
        && GoAst.Unparen(rhs) is IndexExpr ix && GoAst.SameVariable(pass, ix.X, map);
}
