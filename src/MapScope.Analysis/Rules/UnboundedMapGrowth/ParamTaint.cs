using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.UnboundedMapGrowth;

/// <summary>
/// Variables of one function that carry its callers' data: the parameters (and receiver), and locals assigned
/// from expressions that mention them (key := sku + "/" + currency), ranged over them, and so on.
/// </summary>
internal sealed class ParamTaint
{
    private readonly Pass _pass;
    private readonly HashSet<Var> _tainted = new(ReferenceEqualityComparer.Instance);

    public ParamTaint(Pass pass, FuncType type, BlockStmt body)
    {
        _pass = pass;
        foreach (var list in new[] { type.Params, type.Results })
            foreach (var f in list?.List ?? [])
                foreach (var n in f.Names ?? [])
                    if (pass.Checker.Defs.TryGetValue(n, out var o) && o is Var v && list == type.Params) _tainted.Add(v);
        // two passes in textual order reach through a chain of locals declared in order
        for (int pass2 = 0; pass2 < 2; pass2++)
        {
            Inspector.Inspect(body, n =>
            {
                switch (n)
                {
                    case AssignStmt a when a.Rhs.Any(Mentions):
                        foreach (var l in a.Lhs)
                            if (GoAst.Unparen(l) is Ident id && GoAst.ObjectOf(pass, id) is Var v) _tainted.Add(v);
                        break;
                    case ValueSpec { Values: { } vals } vs when vals.Any(Mentions):
                        foreach (var id in vs.Names)
                            if (GoAst.ObjectOf(pass, id) is Var v) _tainted.Add(v);
                        break;
                    case RangeStmt r when Mentions(r.X):
                        foreach (var e in new[] { r.Key, r.Value })
                            if (e is Ident id && GoAst.ObjectOf(pass, id) is Var v) _tainted.Add(v);
                        break;
                }
                return true;
            }, comments: false);
        }
    }

    /// <summary>Whether e mentions a variable that carries the callers' data.</summary>
    public bool Mentions(Expr e)
    {
        bool found = false;
        Inspector.Inspect(e, n =>
        {
            if (found) return false;
            if (n is Ident id && _pass.Checker.Uses.TryGetValue(id, out var o) && o is Var v && _tainted.Contains(v)) found = true;
            return true;
        }, comments: false);
        return found;
    }
}
