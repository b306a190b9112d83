using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.RangeInsert;

/// <summary>
/// A map used as a work list: `for len(w) > 0 { for k := range w { delete(w, k); ...; w[next] = ... } }`.
/// The outer loop runs until the map is empty, so an entry added while ranging is processed either by this
/// range or by the next round: whether the inner range sees it does not change the result.
/// </summary>
internal static class WorkList
{
    public static bool IsDrained(Pass pass, Parents parents, RangeStmt range)
    {
        if (!DeletesRangeKey(pass, range)) return false;
        for (var p = parents.Of(range); p != null && p is not (FuncLit or FuncDecl); p = parents.Of(p))
            if (p is ForStmt { Cond: { } cond } && TestsLength(pass, cond, range.X)) return true;
        return false;
    }

    /// <summary>The range body deletes the visited key, delete(w, k): the work item is taken off the list.</summary>
    private static bool DeletesRangeKey(Pass pass, RangeStmt range)
    {
        if (range.Key is not Ident { Name: not "_" } key || GoAst.ObjectOf(pass, key) is not { } keyObj) return false;
        bool found = false;
        FuncBodies.InspectOwn(range.Body, n =>
        {
            if (found) return false;
            if (n is CallExpr { Args.Count: 2 } call && GoAst.IsBuiltinCall(pass, call, "delete")
                && GoAst.SameVariable(pass, call.Args[0], range.X)
                && GoAst.Unparen(call.Args[1]) is Ident k && ReferenceEquals(GoAst.ObjectOf(pass, k), keyObj))
                found = true;
            return true;
        });
        return found;
    }

    /// <summary>The loop condition contains len(w) of the ranged map (len(w) > 0, len(w) != 0, 0 < len(w)).</summary>
    private static bool TestsLength(Pass pass, Expr cond, Expr map)
    {
        bool found = false;
        Inspector.Inspect(cond, n =>
        {
            if (found) return false;
            if (n is CallExpr { Args.Count: 1 } call && GoAst.IsBuiltinCall(pass, call, "len") && GoAst.SameVariable(pass, call.Args[0], map))
                found = true;
            return true;
        }, comments: false);
        return found;
    }
}
