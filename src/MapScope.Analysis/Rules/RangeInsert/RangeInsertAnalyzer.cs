using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.RangeInsert;

/// <summary>Inserting keys into the map a range loop is iterating: whether the loop sees them is unspecified.</summary>
public sealed class RangeInsertAnalyzer : Analyzer
{
    public override string Id => "range-insert";
    public override string Title => "new key inserted into the map being ranged over";
    public override Severity DefaultSeverity => Severity.Warning;

    // Off until its findings on real code are >= 90% true (docs/rules/EVALUATION.md, 2026-12-01): on 21
    // repositories at HEAD 1 of 3 findings was a true (and harmless) insert of a new key; the other two rewrote
    // keys that already existed, which the rule cannot prove.
    public override bool EnabledByDefault => false;

    public override string Doc => """
        The Go spec says of `for ... range m`: "If a map entry is created during iteration, that entry may be
        produced during the iteration or may be skipped." Inserting a key other than the one being visited
        therefore makes the loop's behaviour vary from run to run: the new entries are sometimes processed
        again (transformed twice, counted twice, or — if each visit inserts another key — looping much longer),
        sometimes not.

        Fix: collect the new entries in a separate map and copy them in after the loop, or range over a
        snapshot of the keys.

        Not reported: updating the entry being visited (`m[k] = v` with the range key `k`, also as `k.(T)`, a
        value-preserving conversion `T(k)`, or a local variable holding one of these), deleting (which the spec
        allows), writes to other maps, an insert that is immediately followed by `break` or `return` (the loop
        ends before it could visit anything else), and a work list drained by an enclosing
        `for len(w) > 0 { for k := range w { delete(w, k); ... w[next] = ... } }`: that the outer loop picks up
        the new entries is the intent.
        """;

    public override string BadExample => """
        for k, v := range m {
        	m[strings.ToLower(k)] = v // may or may not be visited by this loop
        }
        """;

    public override string GoodExample => """
        lower := make(map[string]int, len(m))
        for k, v := range m {
        	lower[strings.ToLower(k)] = v
        }
        for k, v := range lower {
        	m[k] = v
        }
        """;

    public override void Run(Pass pass)
    {
        foreach (var file in pass.Files)
        {
            var labels = new Dictionary<RangeStmt, string>(ReferenceEqualityComparer.Instance);
            Parents? parents = null; // built on the first map range of the file
            Inspector.Inspect(file.File, n =>
            {
                if (n is LabeledStmt { Stmt: RangeStmt lr } ls) labels[lr] = ls.Label.Name;
                if (n is RangeStmt r && pass.IsMap(r.X) && !WorkList.IsDrained(pass, parents ??= new Parents(file.File), r))
                    CheckLoop(pass, file, r, labels.GetValueOrDefault(r));
                return true;
            }, comments: false);
        }
    }

    private static void CheckLoop(Pass pass, ParsedFile file, RangeStmt loop, string? label)
    {
        var keyVar = loop.Key is Ident { Name: not "_" } k ? GoAst.ObjectOf(pass, k) as Var : null;
        // a key variable changed inside the body no longer names the visited entry: stay silent about it
        bool keyReassigned = keyVar != null && Assigns(pass, loop.Body, keyVar);
        var endsLoop = LoopExits.StatementsFollowedByExit(loop.Body, label);
        if (keyReassigned) return;
        foreach (var w in MapWrites.Under(pass, loop.Body))
        {
            if (!GoAst.SameVariable(pass, w.Map, loop.X) || endsLoop.Contains(w.Stmt)) continue;
            if (keyVar != null && RangeKeyValue.Is(pass, loop.Body, w.Key, keyVar)) continue;
            var mapText = GoAst.Text(file, loop.X);
            var keyText = GoAst.Text(file, w.Key);
            pass.Report(file, w.Index,
                $"inserting key {keyText} into {mapText} while ranging over {mapText}: the spec leaves it unspecified whether this loop " +
                "visits the new entry, so the result can change from run to run; collect new entries in a separate map and add them after the loop");
        }
    }

    private static bool Assigns(Pass pass, Node body, Var v)
    {
        bool found = false;
        Inspector.Inspect(body, n =>
        {
            if (found) return false;
            switch (n)
            {
                case AssignStmt a:
                    foreach (var l in a.Lhs)
                        if (GoAst.Unparen(l) is Ident id && ReferenceEquals(GoAst.ObjectOf(pass, id), v)) found = true;
                    break;
                case IncDecStmt { X: Ident inc } when ReferenceEquals(GoAst.ObjectOf(pass, inc), v):
                    found = true;
                    break;
                case UnaryExpr { Op: Token.AND, X: Ident addr } when ReferenceEquals(GoAst.ObjectOf(pass, addr), v):
                    found = true;
                    break;
            }
            return true;
        }, comments: false);
        return found;
    }
}
