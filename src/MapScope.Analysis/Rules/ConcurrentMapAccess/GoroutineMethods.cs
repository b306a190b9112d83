using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>
/// A method started as the goroutine of a long-lived value (`go c.readLoop()`, `go p.retryLoop()`) and another
/// function of the package accessing the same map field of that type, neither with any mutex held, at least one
/// of them writing: the goroutine and the other caller race (hmq's per-client inflight map: the read loop
/// deletes, other clients' publish path inserts). The goroutine's side is the method and everything it calls in
/// the package; the other side must be outside that, and not in the starting function before the go statement.
/// A map any of whose accesses holds a lock is left to inconsistent-map-lock.
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
        foreach (var start in starts)
        {
            var region = Region(pass, funcs, start.Method);
            var owner = locks.ReceiverTypeName(start.Method.Decl!);
            if (owner == null) continue;
            foreach (var group in accesses.Where(a => ReferenceEquals(a.Key.Owner, owner) && a.Key.Field.Length > 0).GroupBy(a => a.Key))
            {
                var list = group.ToList();
                if (list.Any(a => locks.HeldAt(a.Body, a.Op.At.Pos).Count > 0)) continue; // some lock in play: not this shape
                var inside = list.Where(a => region.Contains(Outermost(a.Body).Body)).ToList();
                var outside = list.Where(a => !region.Contains(Outermost(a.Body).Body) && !BeforeStart(a, start)).ToList();
                if (inside.Count == 0 || outside.Count == 0) continue;
                // the write that races: outside the goroutine if there is one, else the goroutine's
                var (at, other) = outside.FirstOrDefault(o => o.Op.IsWrite) is { } ow ? (ow, inside[0])
                    : inside.FirstOrDefault(i => i.Op.IsWrite) is { } iw ? (iw, outside[0]) : (null, null);
                if (at == null || other == null || !reported.Add(at.Op.At)) continue;
                var goLine = start.File.Lines.Position(start.Go.Pos).Line;
                var goroutine = $"in the goroutine {start.Text} started at {Path.GetFileName(start.File.Path)}:{goLine}";
                bool atInside = region.Contains(Outermost(at.Body).Body);
                var here = atInside ? goroutine + " " : "";
                var there = atInside ? $"by {Outermost(other.Body).Name}" : goroutine;
                pass.Report(at.File, at.Op.At,
                    $"{GoAst.Text(at.File, at.Op.Map)} is {MapOpWords.Verb(at.Op.Kind)} {here}with no mutex held, and also {MapOpWords.Verb(other.Op.Kind)} at " +
                    $"{Path.GetFileName(other.File.Path)}:{other.Line} {there}: the two run at the same time and crash the program with " +
                    $"\"fatal error: {(other.Op.IsWrite ? "concurrent map writes" : MapOpWords.Crash(other.Op))}\" " +
                    $"— guard {owner.Name}.{group.Key.Field} with a sync.Mutex, or let the goroutine own it and send it changes over a channel");
            }
        }
    }

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

    /// <summary>
    /// In the starting function before its go statement: the goroutine does not exist yet. A timer armed on every
    /// call (time.AfterFunc in a method run per message) is no such boundary: the earlier calls' timers are running.
    /// </summary>
    private static bool BeforeStart(GuardedAccess a, Start s) =>
        s.Go is GoStmt && ReferenceEquals(Outermost(a.Body).Decl, s.Starter) && a.Op.At.Pos < s.Go.Pos;

    private static LockBody Outermost(LockBody b)
    {
        while (b.Lit != null) b = b.Parent!;
        return b;
    }
}
