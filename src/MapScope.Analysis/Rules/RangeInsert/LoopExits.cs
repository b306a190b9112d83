using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.RangeInsert;

/// <summary>
/// Statements of a loop body after which the loop certainly ends: a later `return`, or a `break` of this loop
/// (plain, or by the loop's label), in the same block.
/// </summary>
internal static class LoopExits
{
    /// <param name="label">The loop's label, if it has one: `break label` ends it from nested statements too.</param>
    public static HashSet<Stmt> StatementsFollowedByExit(BlockStmt body, string? label = null)
    {
        var result = new HashSet<Stmt>(ReferenceEqualityComparer.Instance);
        Block(body.List, ownsBreak: true, label, result);
        return result;
    }

    private static bool Exits(Stmt s, bool ownsBreak, string? label) =>
        s is ReturnStmt
        || ownsBreak && s is BranchStmt { Tok: Token.BREAK, Label: null }
        || label != null && s is BranchStmt { Tok: Token.BREAK, Label: { } l } && l.Name == label;

    private static void Block(List<Stmt> list, bool ownsBreak, string? label, HashSet<Stmt> result)
    {
        bool exitFollows = false;
        for (int i = list.Count - 1; i >= 0; i--)
        {
            var s = list[i];
            if (Exits(s, ownsBreak, label)) exitFollows = true;
            else if (exitFollows) result.Add(s);
            Nested(s, ownsBreak, label, result);
        }
    }

    private static void Nested(Stmt s, bool ownsBreak, string? label, HashSet<Stmt> result)
    {
        switch (s)
        {
            case BlockStmt b: Block(b.List, ownsBreak, label, result); break;
            case LabeledStmt l: Nested(l.Stmt, ownsBreak, label, result); break;
            case IfStmt i:
                Block(i.Body.List, ownsBreak, label, result);
                if (i.Else != null) Nested(i.Else, ownsBreak, label, result);
                break;
            // inside these, a plain break leaves the inner statement, not our loop; return and break-by-label still end it
            case SwitchStmt sw:
                foreach (var cc in sw.Body.List.OfType<CaseClause>()) Block(cc.Body, false, label, result);
                break;
            case TypeSwitchStmt ts:
                foreach (var cc in ts.Body.List.OfType<CaseClause>()) Block(cc.Body, false, label, result);
                break;
            case SelectStmt sel:
                foreach (var cc in sel.Body.List.OfType<CommClause>()) Block(cc.Body, false, label, result);
                break;
            case ForStmt f: Block(f.Body.List, false, label, result); break;
            case RangeStmt r: Block(r.Body.List, false, label, result); break;
        }
    }
}
