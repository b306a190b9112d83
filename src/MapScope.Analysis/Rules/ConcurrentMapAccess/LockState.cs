using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>
/// Whether some mutex is held at a point of a function: the last lock event before it (in the enclosing
/// declaration, closures included) is a Lock/RLock. An Unlock in a nested block that then returns does not end
/// the lock for the code after that block.
/// </summary>
internal sealed class LockState
{
    private readonly List<(int Pos, bool Locks)> _events = [];

    public LockState(Pass pass, Decl decl)
    {
        var parents = new Parents(decl);
        Inspector.Inspect(decl, n =>
        {
            if (n is DeferStmt) return false; // a deferred unlock runs at the end
            if (n is CallExpr { Fun: SelectorExpr sel, Args.Count: 0 } call && sel.Sel.Name is "Lock" or "RLock" or "Unlock" or "RUnlock" && SyncTypes.IsLocker(pass.TypeOf(sel.X)))
            {
                bool locks = sel.Sel.Name is "Lock" or "RLock";
                if (locks || !UnlockThenReturn(parents, call)) _events.Add((call.Pos, locks));
            }
            return true;
        }, comments: false);
        _events.Sort((a, b) => a.Pos.CompareTo(b.Pos));
    }

    public bool HeldAt(int pos)
    {
        bool held = false;
        foreach (var (p, locks) in _events)
        {
            if (p >= pos) break;
            held = locks;
        }
        return held;
    }

    /// <summary>Whether any mutex is locked before pos at all (for callers deciding whether to follow a call).</summary>
    public bool AnyLockBefore(int pos) => _events.Any(e => e.Locks && e.Pos < pos);

    private static bool UnlockThenReturn(Parents parents, Node call)
    {
        for (var p = parents.Of(call); p != null; p = parents.Of(p))
        {
            List<Stmt>? list = p switch { BlockStmt b => b.List, CaseClause c => c.Body, CommClause cc => cc.Body, _ => null };
            // a nested block that ends in return: the path that continues past it still holds the lock
            if (list != null) return list.Count > 0 && list[^1] is ReturnStmt && parents.Of(p) is not (FuncDecl or FuncLit);
        }
        return false;
    }
}
