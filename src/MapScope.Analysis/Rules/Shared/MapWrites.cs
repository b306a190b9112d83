using MapScope.Analysis.Framework;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.Shared;

/// <summary>A write of an entry: m[k] = v, m[k] op= v, m[k]++ / m[k]--; Stmt is the writing statement.</summary>
internal sealed record MapWrite(IndexExpr Index, Stmt Stmt)
{
    public Expr Map => Index.X;
    public Expr Key => Index.Index;
}

internal static class MapWrites
{
    /// <summary>The entry writes a statement performs itself (not those of nested statements).</summary>
    public static IEnumerable<MapWrite> Of(Pass pass, Stmt s)
    {
        switch (s)
        {
            case AssignStmt { Tok: not Token.DEFINE } a:
                foreach (var lhs in a.Lhs)
                    if (GoAst.Unparen(lhs) is IndexExpr ix && pass.IsMap(ix.X)) yield return new MapWrite(ix, s);
                break;
            case IncDecStmt inc when GoAst.Unparen(inc.X) is IndexExpr ix2 && pass.IsMap(ix2.X):
                yield return new MapWrite(ix2, s);
                break;
        }
    }

    /// <summary>Every entry write under root, skipping function literals unless <paramref name="intoClosures"/>.</summary>
    public static List<MapWrite> Under(Pass pass, Node root, bool intoClosures = false)
    {
        var list = new List<MapWrite>();
        Func<Node, bool> visit = n =>
        {
            if (n is Stmt s) list.AddRange(Of(pass, s));
            return true;
        };
        if (intoClosures) Inspector.Inspect(root, visit, comments: false);
        else FuncBodies.InspectOwn(root, visit);
        return list;
    }
}
