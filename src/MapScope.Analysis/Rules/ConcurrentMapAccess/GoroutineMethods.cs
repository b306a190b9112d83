using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>
/// Methods started as goroutines of long-lived values (`go c.readLoop()`, `time.AfterFunc(d, c.retryDelivery)`)
/// that access the same map field of a type, neither with any mutex held, at least one of them writing: the two
/// goroutines race (hmq's per-client inflight map: the read loop deletes acknowledged messages while the retry
/// timer ranges over them). A goroutine's code is the started method and the package functions it calls; a
/// timer armed on every call races with its own earlier runs. Code outside goroutines (registration before a
/// start, a getter) is not counted: when it runs relative to them is a convention this rule cannot see. Nor are
/// callbacks handed to other functions (they may run on the goroutine itself, as a queued closure does). A map
/// any of whose accesses holds a lock is left to inconsistent-map-lock.
/// </summary>
internal static class GoroutineMethods
{
    private const int MaxDepth = 4;

    private sealed record Start(FuncBody Method, FuncDecl Starter, Node Go, string Text, ParsedFile File);

    public static void Report(Pass pass, HashSet<Node> reported)
    {
        var funcs = new PackageFuncs(pass);
        var starts = new List<Start>();
        foreach (var file in pass.Files)
        {
            if (file.Path.EndsWith("_test.go", StringComparison.Ordinal)) continue;
            foreach (var fd in file.File.Decls.OfType<FuncDecl>())
            {
                if (fd.Body == null) continue;
                Inspector.Inspect(fd.Body, n =>
                {
                    if (n is GoStmt { Call.Fun: SelectorExpr sel } go && funcs.Callee(pass, sel) is { Decl.Recv: not null } m)
                        starts.Add(new Start(m, fd, go, "go " + GoAst.Text(file, go.Call), file));
                    // time.AfterFunc(d, c.retry): the method runs on its own goroutine when the timer fires
                    if (n is CallExpr { Fun: SelectorExpr { X: Ident { Name: "time" } tp, Sel.Name: "AfterFunc" }, Args: [_, SelectorExpr mv] } af
                        && GoAst.IsPackageName(pass, tp) && funcs.Callee(pass, mv) is { Decl.Recv: not null } tm)
                        starts.Add(new Start(tm, fd, af, GoAst.Text(file, af), file));
                    return true;
                }, comments: false);
            }
        }
        if (starts.Count == 0) return;

        var locks = FuncLocks.Of(pass);
        var (accesses, _) = GuardedAccesses.Of(pass);
        var regions = starts.Select(st => Region(pass, funcs, st.Method)).ToList();
        // the long-lived values: types whose own methods are started as goroutines (a client with its read loop),
        // not data passed between goroutines (an event's member list)
        var started = starts.Select(st => locks.ReceiverTypeName(st.Method.Decl!)).Where(t => t != null).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var group in accesses.Where(a => a.Key.Field.Length > 0 && !a.Body.IsCallbackArg && started.Contains(a.Key.Owner)).GroupBy(a => a.Key))
        {
            var list = group.ToList();
            // some lock in play, through any path (b.cacheMu held by the caller of dc's method): not this shape
            if (list.Any(a => locks.HeldAt(a.Body, a.Op.At.Pos) is var held && (held.Count > 0 || locks.SlotsAt(a.Body, held) is not { Count: 0 }))) continue;
            // each access with the goroutine it belongs to: the nearest started method whose code reaches it (a
            // server loop reaches everything; the client's read loop is where the access lives)
            var placed = new List<(GuardedAccess Access, int Home)>();
            foreach (var a in list)
            {
                int home = -1;
                for (int k = 0; k < starts.Count; k++)
                    if (regions[k].Contains(a.Body.Outermost.Body) && (home < 0 || regions[k].Count < regions[home].Count)) home = k;
                if (home >= 0) placed.Add((a, home));
            }
            // a pair in two different goroutines (or in two runs of a timer armed per call), in two functions, one writing
            (GuardedAccess At, GuardedAccess Other, Start InAt, Start InOther)? pair = null;
            foreach (var x in placed.Where(p => p.Access.Op.IsWrite))
            {
                foreach (var y in placed)
                {
                    if (ReferenceEquals(x.Access.Body.Outermost, y.Access.Body.Outermost)) continue;
                    if (x.Home == y.Home && starts[x.Home].Go is not CallExpr) continue;
                    pair = (x.Access, y.Access, starts[x.Home], starts[y.Home]);
                    break;
                }
                if (pair != null) break;
            }
            if (pair is not var (at, other, inAt, inOther) || !reported.Add(at.Op.At)) continue;
            var owner = group.Key.Owner;
            pass.Report(at.File, at.Op.At,
                $"{GoAst.Text(at.File, at.Op.Map)} is {MapOpWords.Verb(at.Op.Kind)} {Where(inAt)} with no mutex held, and " +
                $"also {MapOpWords.Verb(other.Op.Kind)} at {Path.GetFileName(other.File.Path)}:{other.Line} {Where(inOther)}: " +
                $"the two run at the same time and crash the program with \"fatal error: {(other.Op.IsWrite ? "concurrent map writes" : MapOpWords.Crash(other.Op))}\" " +
                $"— guard {owner.Name}.{group.Key.Field} with a sync.Mutex, or let one goroutine own it and send it changes over a channel",
                [(other.File, other.Op.At, $"the other access, {Where(inOther)}")]);
        }
    }

    private static string Where(Start s) =>
        $"in the goroutine {s.Text} started at {Path.GetFileName(s.File.Path)}:{s.File.Lines.Position(s.Go.Pos).Line}";

    /// <summary>The goroutine's code: the started method and the package functions it calls, a few calls deep.</summary>
    private static HashSet<BlockStmt> Region(Pass pass, PackageFuncs funcs, FuncBody method)
    {
        var seen = new HashSet<BlockStmt>(ReferenceEqualityComparer.Instance) { method.Body };
        var frontier = new List<FuncBody> { method };
        for (int depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<FuncBody>();
            foreach (var f in frontier)
                Inspector.Inspect(f.Body, n =>
                {
                    if (n is CallExpr c && funcs.Callee(pass, c.Fun) is { } callee && seen.Add(callee.Body)) next.Add(callee);
                    return true;
                }, comments: false);
            frontier = next;
        }
        return seen;
    }

}
