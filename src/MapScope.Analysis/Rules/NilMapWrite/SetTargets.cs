using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>
/// The expressions a node may store into: the left sides of an assignment, the operand of `&amp;x` (whoever gets
/// the pointer can set it), and the key and value of `for k, v = range` — what "may set this variable or
/// field" means to the checks that prove a map is never initialized.
/// </summary>
internal static class SetTargets
{
    public static void Of(Node n, Action<Expr> target)
    {
        switch (n)
        {
            case AssignStmt a:
                foreach (var l in a.Lhs) target(l);
                break;
            case UnaryExpr { Op: Token.AND } u:
                target(u.X);
                break;
            case RangeStmt { Tok: Token.ASSIGN } r:
                if (r.Key != null) target(r.Key);
                if (r.Value != null) target(r.Value);
                break;
        }
    }
}
