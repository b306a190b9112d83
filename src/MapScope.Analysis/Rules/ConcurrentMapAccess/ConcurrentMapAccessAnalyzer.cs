using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>A shared map written from code that runs on several goroutines, with no mutex held.</summary>
public sealed class ConcurrentMapAccessAnalyzer : Analyzer
{
    public override string Id => "concurrent-map-access";
    public override string Title => "shared map written from concurrent code without a lock";
    public override Severity DefaultSeverity => Severity.Error;

    public override string Doc => """
        Go maps are not safe for concurrent use. When one goroutine writes a map while another reads or writes
        it, the runtime detects it and kills the whole process with `fatal error: concurrent map writes` (or
        `concurrent map read and map write`) — not a panic that `recover` can catch.

        Reported: writes (`m[k] = v`, `m[k]++`, `delete(m, k)`) with no `sync.Mutex`/`RWMutex` held to
        - a package-level map, from an HTTP handler (any function or method with the signature
          `func(http.ResponseWriter, *http.Request)`: net/http runs each request on its own goroutine), or from a
          function of the package called from one (calls made while a lock is held are not followed);
        - a map field of a handler method's receiver (the receiver is shared by all requests);
        - a package-level map, from a function started with `go`, when the `go` statement is in a loop or other
          code of the package (outside what the goroutine runs, and after the `go` statement) also uses the map.

        Not reported: writes with a lock held (including `defer mu.Unlock()`), `sync.Map`, maps confined to one
        goroutine, writes in closures (they may run anywhere), and code in other packages. Maps whose other
        accesses hold a mutex are the rule inconsistent-map-lock's.

        Fix: guard every access to the map with one `sync.Mutex` (or `RWMutex`, with `Lock` for writes), use
        `sync.Map` for caches written once and read often, or give the map to a single goroutine and send it
        requests over a channel.
        """;

    public override string BadExample => """
        var visits = map[string]int{}

        func handle(w http.ResponseWriter, r *http.Request) {
        	visits[r.URL.Path]++ // fatal error: concurrent map writes
        }
        """;

    public override string GoodExample => """
        var (
        	visitsMu sync.Mutex
        	visits   = map[string]int{}
        )

        func handle(w http.ResponseWriter, r *http.Request) {
        	visitsMu.Lock()
        	visits[r.URL.Path]++
        	visitsMu.Unlock()
        }
        """;

    public override void Run(Pass pass)
    {
        var reported = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        ReportUnlockedEntryWrites(pass, reported);
    }

    /// <summary>Writes with no mutex held reached from HTTP handlers and goroutines.</summary>
    private static void ReportUnlockedEntryWrites(Pass pass, HashSet<Node> reported)
    {
        var funcs = new PackageFuncs(pass);
        var entries = EntryPoints.Find(pass, funcs);
        if (entries.Count == 0) return;
        var locks = new Dictionary<Decl, LockState>(ReferenceEqualityComparer.Instance);
        PackageVarUses? uses = null;

        LockState LocksOf(FuncBody b)
        {
            var decl = b.File.File.Decls.First(d => d.Pos <= b.Body.Pos && b.Body.End <= d.End);
            if (!locks.TryGetValue(decl, out var s)) locks[decl] = s = new LockState(pass, decl);
            return s;
        }

        foreach (var entry in entries)
        {
            var reachable = Reachable(pass, funcs, entry.Body, LocksOf);
            foreach (var body in reachable)
            {
                foreach (var (at, map) in Writes(pass, body))
                {
                    if (reported.Contains(at) || LocksOf(body).HeldAt(at.Pos)) continue;
                    var target = GoAst.Unparen(map);
                    string what;
                    if (target is Ident id && GoAst.ObjectOf(pass, id) is Var { IsPackageLevel: true } v && ReferenceEquals(v.Pkg, pass.Package))
                    {
                        if (!entry.IsHandler && !entry.RunsManyTimes)
                        {
                            uses ??= new PackageVarUses(pass);
                            if (!uses.UsedOutside(v, reachable, entry.StartedAt)) continue;
                        }
                        what = $"package-level map {id.Name}";
                    }
                    else if (entry.IsHandler && ReferenceEquals(body, entry.Body) && IsReceiverField(pass, body, target))
                        what = $"{GoAst.Text(body.File, target)} (a field of the handler's receiver, shared by all requests)";
                    else continue;
                    reported.Add(at);
                    var via = ReferenceEquals(body, entry.Body) ? "" : $" (called from {entry.Description})";
                    var from = ReferenceEquals(body, entry.Body) ? entry.Description : body.Decl?.Name.Name ?? "a function";
                    pass.Report(body.File, at,
                        $"{what} is written with no mutex held from {from}{via}: concurrent writes crash the program with \"fatal error: concurrent map writes\" " +
                        "— guard every access with a sync.Mutex, or use sync.Map");
                }
            }
        }
    }

    /// <summary>The entry body and this package's functions it calls (transitively, a few levels), unless a lock is held at the call.</summary>
    private static List<FuncBody> Reachable(Pass pass, PackageFuncs funcs, FuncBody entry, Func<FuncBody, LockState> locksOf)
    {
        var result = new List<FuncBody> { entry };
        var seen = new HashSet<BlockStmt>(ReferenceEqualityComparer.Instance) { entry.Body };
        var frontier = new List<FuncBody> { entry };
        for (int depth = 0; depth < 4 && frontier.Count > 0; depth++)
        {
            var next = new List<FuncBody>();
            foreach (var b in frontier)
            {
                var state = locksOf(b);
                FuncBodies.InspectOwn(b.Body, n =>
                {
                    if (n is GoStmt) return false; // another goroutine: its own entry
                    if (n is CallExpr call && !state.HeldAt(call.Pos) && funcs.Callee(pass, call.Fun) is { } callee && seen.Add(callee.Body))
                        next.Add(callee);
                    return true;
                });
            }
            result.AddRange(next);
            frontier = next;
        }
        return result;
    }

    private static IEnumerable<(Node At, Expr Map)> Writes(Pass pass, FuncBody body)
    {
        var list = new List<(Node, Expr)>();
        FuncBodies.InspectOwn(body.Body, n =>
        {
            if (n is GoStmt) return false;
            if (n is CallExpr { Args.Count: 2 } del && GoAst.IsBuiltinCall(pass, del, "delete") && pass.IsMap(del.Args[0])) list.Add((del, del.Args[0]));
            if (n is Stmt s) foreach (var w in MapWrites.Of(pass, s)) list.Add((w.Index, w.Map));
            return true;
        });
        return list;
    }

    private static bool IsReceiverField(Pass pass, FuncBody body, Expr target)
    {
        if (target is not SelectorExpr || body.Decl?.Recv is not { List: [{ Names: [var recv, ..] }] }) return false;
        return GoAst.RootVar(pass, target) is { } root && pass.Checker.Defs.TryGetValue(recv, out var o) && ReferenceEquals(root, o);
    }
}
