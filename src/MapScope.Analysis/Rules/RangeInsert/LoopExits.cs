using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.RangeInsert;

/// <summary>Statements of a loop body after which the loop certainly ends: a later `return` or `break` of this loop in the same block.</summary>
internal static class LoopExits
{
    public static HashSet<Stmt> StatementsFollowedByExit(BlockStmt body)
    {
        var result = new HashSet<Stmt>(ReferenceEqualityComparer.Instance);
        Block(body.List, ownsBreak: true, result);
        return result;
    }

    private static void Block(List<Stmt> list, bool ownsBreak, HashSet<Stmt> result)
    {
        bool exitFollows = false;
        for (int i = list.Count - 1; i >= 0; i--)
        {
            var s = list[i];
            if (s is ReturnStmt || (ownsBreak && s is BranchStmt { Tok: Token.BREAK, Label: null })) exitFollows = true;
            else if (exitFollows) result.Add(s);
            Nested(s, ownsBreak, result);
        }
    }

    private static void Nested(Stmt s, bool ownsBreak, HashSet<Stmt> result)
    {
        switch (s)
        {
            case BlockStmt b: Block(b.List, ownsBreak, result); break;
            case LabeledStmt l: Nested(l.Stmt, ownsBreak, result); break;
            case IfStmt i:
                Block(i.Body.List, ownsBreak, result);
                if (i.Else != null) Nested(i.Else, ownsBreak, result);
                break;
            // inside these, break leaves the inner statement, not our loop; return still ends it
            case SwitchStmt sw:
                foreach (var cc in sw.Body.List.OfType<CaseClause>()) Block(cc.Body, false, result);
                break;
            case TypeSwitchStmt ts:
                foreach (var cc in ts.Body.List.OfType<CaseClause>()) Block(cc.Body, false, result);
                break;
            case SelectStmt sel:
                foreach (var cc in sel.Body.List.OfType<CommClause>()) Block(cc.Body, false, result);
                break;
            case ForStmt f: Block(f.Body.List, false, result); break;
            case RangeStmt r: Block(r.Body.List, false, result); break;
        }
    }
}
