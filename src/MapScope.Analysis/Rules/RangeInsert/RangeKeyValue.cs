using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.RangeInsert;

/// <summary>
/// Whether an index key is the range key's own value, so the write updates the entry being visited:
/// k, k.(T), a conversion T(k) that keeps the value (same underlying type, or to an interface), or a local
/// variable of the loop body assigned once from one of these (`name := k.(string)`, `name, ok := k.(string)`).
/// </summary>
internal static class RangeKeyValue
{
    public static bool Is(Pass pass, BlockStmt body, Expr key, Var rangeKey) => Is(pass, body, key, rangeKey, depth: 0);

    private static bool Is(Pass pass, BlockStmt body, Expr key, Var rangeKey, int depth)
    {
        key = GoAst.Unparen(key);
        switch (key)
        {
            case Ident id:
                var o = GoAst.ObjectOf(pass, id);
                if (ReferenceEquals(o, rangeKey)) return true;
                return o is Var local && depth < 3 && SingleValue(pass, body, local) is { } init && Is(pass, body, init, rangeKey, depth + 1);
            case TypeAssertExpr { Type: not null } ta:
                return Is(pass, body, ta.X, rangeKey, depth);
            case CallExpr { Args.Count: 1 } conv when pass.Checker.TypeExprs.Contains(GoAst.Unparen(conv.Fun)) && KeepsValue(pass, conv):
                return Is(pass, body, conv.Args[0], rangeKey, depth);
            default:
                return false;
        }
    }

    private static bool KeepsValue(Pass pass, CallExpr conv)
    {
        var to = pass.TypeOf(conv).Underlying;
        var from = pass.TypeOf(conv.Args[0]).Underlying;
        if (to is UnknownType || from is UnknownType) return false;
        if (to is Interface) return true;
        if (to is Basic bt && from is Basic bf) return bt.Kind == bf.Kind;
        return ReferenceEquals(to, from);
    }

    /// <summary>
    /// The expression a variable declared in the loop body is given, when it is declared by `v := e` or
    /// `v, ok := x.(T)` and never assigned again; null otherwise.
    /// </summary>
    private static Expr? SingleValue(Pass pass, BlockStmt body, Var v)
    {
        if (v.Pos < body.Pos || v.Pos >= body.End) return null;
        Expr? value = null;
        int assignments = 0;
        Inspector.Inspect(body, n =>
        {
            switch (n)
            {
                case AssignStmt a:
                    for (int i = 0; i < a.Lhs.Count; i++)
                    {
                        if (GoAst.Unparen(a.Lhs[i]) is not Ident id || !ReferenceEquals(GoAst.ObjectOf(pass, id), v)) continue;
                        assignments++;
                        if (a.Tok == Token.DEFINE && a.Lhs.Count == a.Rhs.Count) value = a.Rhs[i];
                        else if (a.Tok == Token.DEFINE && i == 0 && a.Rhs is [TypeAssertExpr ta]) value = ta;
                    }
                    break;
                case IncDecStmt { X: Ident inc } when ReferenceEquals(GoAst.ObjectOf(pass, inc), v):
                    assignments++;
                    break;
                case UnaryExpr { Op: Token.AND, X: Ident addr } when ReferenceEquals(GoAst.ObjectOf(pass, addr), v):
                    assignments++; // its address escapes: it may change
                    break;
            }
            return true;
        }, comments: false);
        return assignments == 1 ? value : null;
    }
}
