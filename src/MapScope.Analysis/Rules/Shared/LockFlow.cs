using MapScope.Analysis.Framework;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.Shared;

/// <summary>
/// Must-hold lock flow through one function body's structured control flow, relative to the locks held on
/// entry: each statement gets the change of lock state that holds on every path reaching it (acquired, or
/// released; absent = as on entry). Branches are walked from the state before them and joined afterwards; a
/// branch that returns, breaks, continues, jumps or panics does not reach the join. A deferred unlock keeps
/// the lock to the end. Function literals and go statements are not entered: they run at another time.
/// </summary>
internal sealed class LockFlow
{
    /// <summary>
    /// Acquired (with a mode) or released; Maybe = acquired on some paths only (<c>if doLock { mu.Lock() }</c>:
    /// the caller holds it on the others, or not — unknown). A lock not in a delta is as it was on entry.
    /// </summary>
    internal readonly record struct Change(bool Acquired, HoldMode Mode, bool Maybe = false);

    private readonly Pass _pass;
    private readonly List<(int Pos, int End, Dictionary<LockRef, Change> Delta)> _points = [];

    public List<LockEvent> Events { get; } = [];

    public LockFlow(Pass pass, BlockStmt body)
    {
        _pass = pass;
        Block(body.List, []);
        _points.Sort((a, b) => a.Pos != b.Pos ? a.Pos.CompareTo(b.Pos) : b.End.CompareTo(a.End));
    }

    /// <summary>The change of lock state before pos: that of the innermost statement containing pos.</summary>
    public Dictionary<LockRef, Change> DeltaAt(int pos)
    {
        // points are sorted by start, outer before inner at the same start: the last one starting at or before
        // pos that still contains it (or starts exactly there) is the innermost statement
        int lo = 0, hi = _points.Count - 1, last = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_points[mid].Pos <= pos) { last = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        for (int i = last; i >= 0; i--)
        {
            var (p, e, d) = _points[i];
            if (pos < e || p == pos) return d;
        }
        return [];
    }

    private Dictionary<LockRef, Change>? Block(List<Stmt> list, Dictionary<LockRef, Change> state)
    {
        // Code after a return is reached only by a jump (a label): walk it from the block's entry state.
        Dictionary<LockRef, Change>? s = state;
        foreach (var stmt in list) s = Stmt(stmt, s ?? state);
        return s;
    }

    private Dictionary<LockRef, Change>? Stmt(Stmt stmt, Dictionary<LockRef, Change> s)
    {
        _points.Add((stmt.Pos, stmt.End, s));
        switch (stmt)
        {
            case ExprStmt { X: CallExpr call }:
                if (call.Fun is Ident { Name: "panic" }) return null;
                if (LockRefs.LockCall(_pass, call) is { } lc)
                {
                    Events.Add(new LockEvent(call.Pos, lc.Lock, lc.Acquire, lc.Mode));
                    var n = new Dictionary<LockRef, Change>(s) { [lc.Lock] = new Change(lc.Acquire, lc.Mode) };
                    return n;
                }
                return s;
            case ReturnStmt or BranchStmt:
                return null;
            case BlockStmt b:
                return Block(b.List, s);
            case LabeledStmt l:
                return Stmt(l.Stmt, s);
            case IfStmt i:
            {
                var st = i.Init != null ? Stmt(i.Init, s) ?? s : s;
                var then = Block(i.Body.List, st);
                var els = i.Else != null ? Stmt(i.Else, st) : st;
                return Join(then, els);
            }
            case ForStmt f:
            {
                var st = f.Init != null ? Stmt(f.Init, s) ?? s : s;
                var body = Block(f.Body.List, st);
                if (f.Post != null) Stmt(f.Post, body ?? st);
                return f.Cond == null && !HasBreak(f.Body) ? null : Join(st, body);
            }
            case RangeStmt r:
                return Join(s, Block(r.Body.List, s));
            case SwitchStmt sw:
            {
                var st = sw.Init != null ? Stmt(sw.Init, s) ?? s : s;
                return Clauses(sw.Body.List, st, sw.Body.List.Any(c => c is CaseClause { List: null }));
            }
            case TypeSwitchStmt ts:
            {
                var st = ts.Init != null ? Stmt(ts.Init, s) ?? s : s;
                return Clauses(ts.Body.List, st, ts.Body.List.Any(c => c is CaseClause { List: null }));
            }
            case SelectStmt sel:
                return Clauses(sel.Body.List, s, true);
            default:
                return s;
        }
    }

    private Dictionary<LockRef, Change>? Clauses(List<Stmt> clauses, Dictionary<LockRef, Change> s, bool exhaustive)
    {
        Dictionary<LockRef, Change>? result = null;
        bool any = false;
        foreach (var c in clauses)
        {
            _points.Add((c.Pos, c.End, s));
            var body = c switch { CaseClause cc => cc.Body, CommClause cm => cm.Body, _ => [] };
            var end = Block(body, s);
            result = any ? Join(result, end) : end;
            any = true;
        }
        if (!exhaustive || !any) result = any ? Join(result, s) : s;
        return result;
    }

    private static bool HasBreak(BlockStmt body)
    {
        bool found = false;
        Inspector.Inspect(body, n =>
        {
            if (found || n is FuncLit or ForStmt or RangeStmt or SwitchStmt or TypeSwitchStmt or SelectStmt) return false;
            if (n is BranchStmt { Tok: Syntax.Token.BREAK or Syntax.Token.GOTO }) found = true;
            return !found;
        }, comments: false);
        return found;
    }

    /// <summary>Must-hold join: a lock is acquired after the join only if every incoming path acquired it.</summary>
    private static Dictionary<LockRef, Change>? Join(Dictionary<LockRef, Change>? a, Dictionary<LockRef, Change>? b)
    {
        if (a == null) return b;
        if (b == null) return a;
        var r = new Dictionary<LockRef, Change>();
        foreach (var k in a.Keys.Union(b.Keys))
        {
            bool inA = a.TryGetValue(k, out var ca), inB = b.TryGetValue(k, out var cb);
            if (inA && !ca.Acquired && !ca.Maybe || inB && !cb.Acquired && !cb.Maybe)
            {
                // released on one path, acquired on the other: a conditional lock
                bool acquiredElsewhere = inA && ca.Acquired || inB && cb.Acquired;
                r[k] = new Change(false, HoldMode.Exclusive, Maybe: acquiredElsewhere);
            }
            else if (inA && inB && !ca.Maybe && !cb.Maybe)
                r[k] = new Change(true, ca.Mode == HoldMode.Exclusive && cb.Mode == HoldMode.Exclusive ? HoldMode.Exclusive : HoldMode.Shared);
            else r[k] = new Change(false, inA ? ca.Mode : cb.Mode, Maybe: true); // acquired on one path only
        }
        return r;
    }
}
