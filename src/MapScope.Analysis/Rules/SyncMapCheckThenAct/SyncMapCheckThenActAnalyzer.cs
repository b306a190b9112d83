using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.SyncMapCheckThenAct;

/// <summary>sync.Map Load followed by Store or Delete of the same key: a race the atomic methods avoid.</summary>
public sealed class SyncMapCheckThenActAnalyzer : Analyzer
{
    public override string Id => "sync-map-check-then-act";
    public override string Title => "sync.Map Load followed by Store/Delete of the same key is not atomic";
    public override Severity DefaultSeverity => Severity.Warning;

    public override string Doc => """
        Each `sync.Map` method is atomic, but a sequence of them is not. After `m.Load(k)` reports a key missing,
        another goroutine can store it before this goroutine's `m.Store(k, v)`: one of the two values is silently
        overwritten and the callers go on with different values (two caches, two connections, a lost counter).
        Likewise `m.Load(k)` then `m.Delete(k)` lets two goroutines both take the same entry.

        Fix: `v, loaded := m.LoadOrStore(k, v)` returns the existing value if there is one and stores yours
        otherwise, in one step; `v, loaded := m.LoadAndDelete(k)` takes an entry exactly once.

        Not reported: different keys or maps, a Store without a preceding Load, and code that holds a
        `sync.Mutex`/`RWMutex` (any `Lock()` earlier in the function), where the sequence is already serialized,
        and code that calls an atomic method (`LoadOrStore`, `LoadAndDelete`, `Swap`, `CompareAndSwap`) on the same
        key between the two calls, a Load on another path than the Store (another `case`), and registration at
        init time (`init` functions and package-level variable initializers run on one goroutine). A cache of a
        value computed from the key alone (`v = compute(k)` with only the key, constants and functions), and a
        cache keyed by a `reflect.Type` (per-type encoders and field layouts, as encoding/json keeps them), are
        reported at info severity: every goroutine stores an equal value, so losing one is harmless and
        LoadOrStore only saves the duplicate work — unless the value is used for its identity (a mutex, a
        channel, something with a Close method), which stays a warning. So is a get-or-compute function (the hit
        returns what Load found, the miss stores the computed value and returns it): each racing caller keeps the
        value it computed.
        """;

    public override string BadExample => """
        if v, ok := conns.Load(addr); ok {
        	return v.(*Conn)
        }
        c := dial(addr)
        conns.Store(addr, c) // another goroutine may have stored its own conn meanwhile
        return c
        """;

    public override string GoodExample => """
        c := dial(addr)
        if v, loaded := conns.LoadOrStore(addr, c); loaded {
        	c.Close()
        	return v.(*Conn)
        }
        return c
        """;

    private sealed record MapCall(CallExpr Call, SelectorExpr Sel, string Method);

    private static readonly HashSet<string> AtomicForms = ["LoadOrStore", "LoadAndDelete", "Swap", "CompareAndSwap", "CompareAndDelete"];

    public override void Run(Pass pass)
    {
        foreach (var fn in FuncBodies.All(pass.Files))
        {
            // locks anywhere in the enclosing declaration before the Load (a closure runs under its creator's lock)
            var decl = fn.File.File.Decls.FirstOrDefault(d => d.Pos <= fn.Body.Pos && fn.Body.End <= d.End);
            if (decl != null && InitTime.Runs(decl, fn)) continue;
            var locks = decl != null ? SyncTypes.LockCalls(pass, decl) : [];
            var calls = new List<MapCall>();
            FuncBodies.InspectOwn(fn.Body, n =>
            {
                if (n is CallExpr { Fun: SelectorExpr sel, Args.Count: > 0 } call && SyncTypes.Is(pass.TypeOf(sel.X), "Map"))
                    calls.Add(new MapCall(call, sel, sel.Sel.Name));
                return true;
            });
            if (!calls.Any(c => c.Method == "Load")) continue;
            Parents? parents = null;
            foreach (var act in calls.Where(c => c.Method is "Store" or "Delete"))
            {
                parents ??= new Parents(fn.Body);
                // the Load this Store follows on its own path: the nearest one whose block also holds the Store
                // (a Load in another case of a switch is another path, not the check this Store acts on)
                var load = calls.LastOrDefault(l => l.Method == "Load" && l.Call.End <= act.Call.Pos
                    && Dominates(parents, l.Call, act.Call) && SameKey(pass, fn, l, act));
                if (load == null || locks.Any(l => l < load.Call.Pos)) continue;
                // an atomic operation on the key in between: the code already deals with concurrent writers
                if (calls.Any(c => AtomicForms.Contains(c.Method) && c.Call.Pos > load.Call.End && c.Call.End <= act.Call.Pos && SameKey(pass, fn, load, c)))
                    continue;
                Report(pass, fn, load, act);
            }
        }
    }

    /// <summary>
    /// Whether the Load runs on every path to the Store: the innermost statement list holding the Load also
    /// holds the Store (later in the list, or inside the Load's own statement, as in `if _, ok := m.Load(k); !ok {...}`).
    /// </summary>
    private static bool Dominates(Parents parents, Node load, Node store)
    {
        for (var p = parents.Of(load); p != null; p = parents.Of(p))
            if (p is BlockStmt or CaseClause or CommClause or FuncLit)
                return p.Pos <= store.Pos && store.End <= p.End;
        return false;
    }

    private static bool SameKey(Pass pass, FuncBody fn, MapCall load, MapCall act)
    {
        if (!GoAst.SameVariable(pass, load.Sel.X, act.Sel.X)) return false;
        var file = fn.File;
        if (GoAst.Text(file, load.Call.Args[0]) != GoAst.Text(file, act.Call.Args[0])) return false;
        // the key's variables must not change between the two calls
        var keyVars = new HashSet<Semantics.Types.Var>(ReferenceEqualityComparer.Instance);
        Inspector.Inspect(load.Call.Args[0], n =>
        {
            if (n is Ident id && GoAst.ObjectOf(pass, id) is Semantics.Types.Var v) keyVars.Add(v);
            return true;
        }, comments: false);
        bool changed = false;
        Inspector.Inspect(fn.Body, n =>
        {
            // only what runs between the two calls matters
            if (changed || n.End <= load.Call.End || n.Pos >= act.Call.Pos) return false;
            if (n is AssignStmt a)
                foreach (var l in a.Lhs)
                    if (GoAst.RootVar(pass, l) is { } v && keyVars.Contains(v)) changed = true;
            if (n is IncDecStmt inc && GoAst.RootVar(pass, inc.X) is { } iv && keyVars.Contains(iv)) changed = true;
            return true;
        }, comments: false);
        return !changed;
    }

    private static void Report(Pass pass, FuncBody fn, MapCall load, MapCall act)
    {
        var file = fn.File;
        var map = GoAst.Text(file, act.Sel.X);
        var key = GoAst.Text(file, act.Call.Args[0]);
        var (loadLine, _) = file.Lines.Position(load.Call.Pos);
        bool keyOnly = act.Method == "Store" && act.Call.Args.Count == 2 && KeyOnlyValue.Is(pass, fn.Body, act.Call.Args[1], load.Call.Args[0], load.Call.End, act.Call.Pos);
        bool typeKeyed = !keyOnly && act.Method == "Store" && act.Call.Args.Count == 2 && KeyOnlyValue.IsTypeKeyed(pass, act.Call.Args[1], act.Call.Args[0]);
        if (!keyOnly && !typeKeyed && act.Method == "Store" && KeyOnlyValue.IsMemo(pass, fn.Body, load.Call, act.Call))
        {
            pass.Report(file, act.Call,
                $"{map}.Load({key}) misses, then {map}.Store({key}, …) caches a computed value and returns it: a racing goroutine computes its own, each caller returns what it computed and " +
                $"one stored value wins — only work is lost unless the value's identity matters; v, _ := {map}.LoadOrStore({key}, value) gives every caller the same value (the Load is on line {loadLine})",
                Severity.Info);
            return;
        }
        if (keyOnly || typeKeyed)
        {
            // every goroutine would store an equal value: losing one is harmless, only the work is duplicated
            pass.Report(file, act.Call,
                $"{map}.Load({key}) followed by {map}.Store({key}, …) {(keyOnly ? $"computes a value from {key} alone" : $"caches what is derived from the type {key}")}, so a racing goroutine stores an equal value and only the work is duplicated; " +
                $"v, _ := {map}.LoadOrStore({key}, value) keeps one value for all callers (the Load is on line {loadLine})",
                Severity.Info);
            return;
        }
        var message = act.Method == "Store"
            ? $"{map}.Load({key}) followed by {map}.Store({key}, …) is not atomic: another goroutine can store {key} in between and one of the values is silently lost; use v, loaded := {map}.LoadOrStore({key}, value)"
            : $"{map}.Load({key}) followed by {map}.Delete({key}) is not atomic: two goroutines can both load the entry and both act on it; use v, loaded := {map}.LoadAndDelete({key})";
        pass.Report(file, act.Call, message + $" (the Load is on line {loadLine})");
    }
}
