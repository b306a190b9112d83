using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.RLockMapWrite;

/// <summary>A shared map written while only the read lock of a sync.RWMutex is held.</summary>
public sealed class RLockMapWriteAnalyzer : Analyzer
{
    public override string Id => "rlock-map-write";
    public override string Title => "map written under a read lock (RLock)";
    public override Severity DefaultSeverity => Severity.Error;

    public override string Doc => """
        `sync.RWMutex.RLock` lets any number of goroutines in at once: it only excludes writers that take `Lock`.
        A map written (`m[k] = v`, `m[k]++`, `delete(m, k)`) between `RLock` and `RUnlock` is therefore written by
        several goroutines at the same time, and the runtime kills the process with
        `fatal error: concurrent map writes` (or `concurrent map read and map write`). It is not a recoverable panic.

        Fix: take the write lock (`mu.Lock()` / `mu.Unlock()`) around code that writes the map; to keep reads
        cheap, read under `RLock`, release it, then `Lock` and re-check before writing.

        Reported: writes to package-level maps and to map fields reached from a receiver, parameter or package
        variable, between `mu.RLock()` and the matching `mu.RUnlock()` (or the end of the function after
        `defer mu.RUnlock()`). Not reported: writes after the read lock is released, writes while an exclusive
        `Lock()` is also held (taken after the `RLock`, or — for another mutex such as a separate `writeMu` —
        before it or by every caller, when every read-locked write of that map holds the same one), and maps
        local to the function.
        """;

    public override string BadExample => """
        func (c *Cache) Get(k string) int {
        	c.mu.RLock()
        	defer c.mu.RUnlock()
        	c.hits[k]++ // concurrent map writes: every reader is in here at once
        	return c.data[k]
        }
        """;

    public override string GoodExample => """
        func (c *Cache) Get(k string) int {
        	c.mu.Lock()
        	defer c.mu.Unlock()
        	c.hits[k]++
        	return c.data[k]
        }
        """;

    private sealed record Finding(ParsedFile File, Node At, Expr Map, SelectorExpr RLock, int RLockLine, HashSet<GuardKey> Guards);

    public override void Run(Pass pass)
    {
        FuncLocks? funcLocks = null;
        var findings = new List<Finding>();
        foreach (var fn in FuncBodies.All(pass.Files))
        {
            var calls = new List<(CallExpr Call, SelectorExpr Sel, bool Deferred)>();
            var writes = new List<(Node At, Expr Map)>();
            FuncBodies.InspectOwn(fn.Body, n =>
            {
                switch (n)
                {
                    case DeferStmt { Call: { Fun: SelectorExpr ds } dc } when IsRWMutex(pass, ds.X):
                        calls.Add((dc, ds, true));
                        return false;
                    case CallExpr { Fun: SelectorExpr sel } call when IsRWMutex(pass, sel.X):
                        calls.Add((call, sel, false));
                        break;
                    case CallExpr { Args.Count: 2 } del when GoAst.IsBuiltinCall(pass, del, "delete") && pass.IsMap(del.Args[0]):
                        writes.Add((del, del.Args[0]));
                        break;
                    case Stmt s:
                        foreach (var w in MapWrites.Of(pass, s)) writes.Add((w.Index, w.Map));
                        break;
                }
                return true;
            });
            if (calls.Count == 0 || writes.Count == 0) continue;
            var parents = new Parents(fn.Body);
            var locks = SyncTypes.LockCalls(pass, fn.Body);
            foreach (var rlock in calls.Where(c => c.Sel.Sel.Name == "RLock" && !c.Deferred))
            {
                int end = RegionEnd(pass, fn, parents, rlock.Call, rlock.Sel, calls);
                if (end < 0) continue;
                foreach (var (at, map) in writes)
                {
                    if (at.Pos <= rlock.Call.End || at.Pos >= end) continue;
                    if (locks.Any(l => l > rlock.Call.Pos && l < at.Pos)) continue; // an exclusive lock is held too
                    if (!IsShared(pass, fn, map) || GuardsOther(pass, fn, map, rlock.Sel.X)) continue;
                    funcLocks ??= FuncLocks.Of(pass);
                    var guards = Guards(pass, funcLocks, fn, at.Pos, rlock.Sel.X);
                    findings.Add(new Finding(fn.File, at, map, rlock.Sel, fn.File.Lines.Position(rlock.Call.Pos).Line, guards));
                }
            }
        }
        // An exclusive lock of another mutex held at the write (s.writeMu.Lock(); s.mu.RLock(); s.m[k] = v)
        // serializes the writers when every read-locked write of that map holds the same one.
        foreach (var group in findings.GroupBy(f => MapIdentity(pass, f.Map) ?? (object)f))
        {
            HashSet<GuardKey>? common = null;
            foreach (var f in group)
            {
                if (common == null) common = new HashSet<GuardKey>(f.Guards);
                else common.IntersectWith(f.Guards);
            }
            if (common is { Count: > 0 }) continue;
            foreach (var f in group)
            {
                var mu = GoAst.Text(f.File, f.RLock.X);
                pass.Report(f.File, f.At,
                    $"{GoAst.Text(f.File, f.Map)} is written while only the read lock is held ({mu}.RLock() on line {f.RLockLine}): other goroutines hold the read lock at the same time, " +
                    $"so this write can crash the program with \"fatal error: concurrent map writes\" — take the write lock {mu}.Lock() for writes");
            }
        }
    }

    /// <summary>A mutex independent of which function names it: a package variable, or a field path of a named type.</summary>
    private readonly record struct GuardKey(object Owner, string Path);

    /// <summary>The other mutexes held exclusively (Lock, not RLock) at pos, on every path and from every caller.</summary>
    private static HashSet<GuardKey> Guards(Pass pass, FuncLocks funcLocks, FuncBody fn, int pos, Expr rlocked)
    {
        var result = new HashSet<GuardKey>();
        if (funcLocks.BodyOf(fn.Body) is not { } body) return result;
        var self = LockRefs.Of(pass, rlocked);
        foreach (var (lockRef, mode) in funcLocks.HeldAt(body, pos))
        {
            if (mode != HoldMode.Exclusive || self is { } s && s.Equals(lockRef)) continue;
            result.Add(KeyOf(lockRef));
        }
        return result;
    }

    private static GuardKey KeyOf(LockRef lockRef)
    {
        if (lockRef.Root.IsPackageLevel) return new GuardKey(lockRef.Root, lockRef.Path);
        var t = lockRef.Root.Type;
        if (t is Pointer p) t = p.Elem;
        return FieldOwner(t) is { } owner ? new GuardKey(owner, lockRef.Path) : new GuardKey(lockRef.Root, lockRef.Path);
    }

    private static TypeName? FieldOwner(MapScope.Semantics.Types.Type t)
    {
        if (t is Pointer p) t = p.Elem;
        return t is Named n ? (n.Origin ?? n).Obj : null;
    }

    /// <summary>Which map a write is to, across functions: the field (s.m) or the package variable; null otherwise.</summary>
    private static object? MapIdentity(Pass pass, Expr map) => GoAst.Unparen(map) switch
    {
        SelectorExpr sel => FieldOwner(pass.TypeOf(sel.X)) is { } owner ? (owner, sel.Sel.Name) : null,
        Ident id => GoAst.ObjectOf(pass, id) is Var { IsPackageLevel: true } v ? v : null,
        _ => null,
    };

    private static bool IsRWMutex(Pass pass, Expr x)
    {
        var t = pass.TypeOf(x);
        if (SyncTypes.Is(t, "RWMutex")) return true;
        if (t is Pointer p) t = p.Elem;
        return t.Underlying is Struct st && st.Fields.Any(f => f.Embedded && SyncTypes.Is(f.Type, "RWMutex"));
    }

    /// <summary>
    /// Where the read lock taken at rlock is released: the first later RUnlock of the same mutex — except one in
    /// a nested block that then returns (the path that continues still holds the lock) — or the end of the
    /// function after a deferred RUnlock; -1 when neither is found.
    /// </summary>
    private static int RegionEnd(Pass pass, FuncBody fn, Parents parents, CallExpr rlock, SelectorExpr sel, List<(CallExpr Call, SelectorExpr Sel, bool Deferred)> calls)
    {
        var rlockBlock = EnclosingList(parents, rlock);
        bool deferred = false;
        foreach (var c in calls.OrderBy(c => c.Call.Pos))
        {
            if (c.Call.Pos <= rlock.Pos || c.Sel.Sel.Name != "RUnlock" || !GoAst.SameVariable(pass, c.Sel.X, sel.X)) continue;
            if (c.Deferred)
            {
                deferred = true;
                continue;
            }
            var block = EnclosingList(parents, c.Call);
            if (block != null && !ReferenceEquals(block, rlockBlock) && block.Count > 0 && block[^1] is ReturnStmt) continue;
            return c.Call.Pos;
        }
        return deferred ? fn.Body.End : -1;
    }

    /// <summary>The statement list holding the statement that contains the call.</summary>
    private static List<Stmt>? EnclosingList(Parents parents, Node n)
    {
        for (var p = parents.Of(n); p != null; p = parents.Of(p))
        {
            if (p is BlockStmt b) return b.List;
            if (p is CaseClause cc) return cc.Body;
            if (p is CommClause cm) return cm.Body;
        }
        return null;
    }

    /// <summary>
    /// The read-locked mutex belongs to one argument and the map to another (m.mut.RLock(); report.Stats[k]++, with
    /// report a parameter the caller filled): the lock guards m's state, not the map, and says nothing about it.
    /// </summary>
    private static bool GuardsOther(Pass pass, FuncBody fn, Expr map, Expr rlocked)
    {
        if (LockRefs.Of(pass, rlocked) is not { } mu || LockRefs.Of(pass, map) is not { } m) return false;
        if (ReferenceEquals(mu.Root, m.Root) || mu.Root.IsPackageLevel || m.Root.IsPackageLevel) return false;
        bool Param(Var v) => !(v.Pos >= fn.Body.Pos && v.Pos < fn.Body.End); // a receiver or parameter, not a local alias
        return Param(mu.Root) && Param(m.Root);
    }

    /// <summary>A package-level map, or a map reached through a field of a receiver, parameter or package variable.</summary>
    private static bool IsShared(Pass pass, FuncBody fn, Expr map)
    {
        map = GoAst.Unparen(map);
        var root = GoAst.RootVar(pass, map);
        if (root == null) return false;
        if (root.IsPackageLevel) return true;
        // locals declared in the body are this call's own; a parameter map itself may be too, its fields are shared
        bool declaredInBody = root.Pos >= fn.Body.Pos && root.Pos < fn.Body.End;
        return !declaredInBody && map is SelectorExpr or StarExpr;
    }
}
