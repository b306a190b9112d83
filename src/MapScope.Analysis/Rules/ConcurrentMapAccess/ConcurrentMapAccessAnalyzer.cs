using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Maps;
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

        Reported, when no `sync.Mutex`/`RWMutex` is held:
        - writes (`m[k] = v`, `m[k]++`, `delete(m, k)`, `clear(m)`) to a package-level map, or to a map field of
          the receiver, from code that runs on many goroutines at once: HTTP handlers (any function or method
          with an `http.ResponseWriter` and an `*http.Request` among its parameters, and every `ServeHTTP`), gin
          (`*gin.Context`), echo (`echo.Context`) and fiber (`*fiber.Ctx`) handlers — recognised by the import
          path even when the module is not downloaded —, gRPC methods (`(ctx context.Context, *Req)` methods of a
          type embedding `Unimplemented<X>Server`), Prometheus `Collect(chan<- prometheus.Metric)` and any method
          handed that channel (every scrape runs them, and scrapes overlap), goroutines started in a loop
          (`go s.serve(conn)` in an accept loop shares `s`), and the functions named in `.mapscope.yml` under
          `concurrency: {entry-points: ["pkg.Func", "(*pkg.Type).Method"]}`; also from this package's functions
          they call with no lock held — a method called on the shared receiver, or on something it holds, shares
          its own receiver; a call through an interface reaches the package's types that implement it; a map
          passed as an argument (or a pointer to it), or a package map of a named map type used as a receiver,
          is followed into the callee;
        - writes to a package-level map from code that runs on one goroutine of its own — a `go` statement,
          `errgroup`/`WaitGroup` `Go`, a `time.AfterFunc` callback, an informer's `AddFunc`/`UpdateFunc`/
          `DeleteFunc` — when other code of the package (outside it, and after it starts) also uses the map;
        - reads and `range`s, in any of that code, of a package-level map (or a map field of a package-level
          struct, `vars.v`) that such code writes (locked or
          not): `concurrent map read and map write`, `concurrent map iteration and map write`; the message
          names where the write is;
        - writes to a local map declared before a loop by goroutines started in the loop, which capture it or
          receive it as an argument (also through calls of the package).

        - a map of a shared value (a receiver or parameter, or a package variable) that a function writes with a
          mutex held and also reads, iterates or writes without it — the check-then-lock cache
          (`if v, ok := c.m[k]; ok { return v }` … `c.mu.Lock(); c.m[k] = v`), a read after an early Unlock;
        - a map field of a long-lived value whose own methods run as goroutines (`go c.readLoop()`,
          `time.AfterFunc(d, c.retry)`), accessed from two of them (or from a timer armed on every call), one
          writing, none holding a lock — the read loop deleting acknowledged messages while the retry timer
          ranges over them. Code outside those goroutines (registration before start, a getter) and callbacks
          handed to other functions are not counted; data passed between goroutines (a value made per event) is
          not a long-lived value.

        Not reported: accesses with a lock held (including `defer mu.Unlock()`), `sync.Map`, maps confined to
        one goroutine (made inside it, made per iteration, a loop variable, handed over on a channel), writes
        after `wg.Wait()` or in a loop that waits for each goroutine, `Describe` (it runs at registration, not
        per scrape), and code in other packages. Maps whose other accesses hold a mutex are also the rule
        inconsistent-map-lock's.

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

    /// <summary>Entry points named in addition to .mapscope.yml's concurrency.entry-points (for embedding and tests).</summary>
    public IReadOnlyList<string> ExtraEntryPoints { get; init; } = [];

    public override void Run(Pass pass)
    {
        var reported = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        FuncLocks Locks() => FuncLocks.Of(pass);
        List<string> configured = [.. ExtraEntryPoints, .. pass.Config?.Concurrency.EntryPoints ?? []];
        ReportEntryAccesses(pass, configured, Locks, reported);
        SharedLocalMaps.Report(pass, Locks, reported);
        SameFunctionGuard.Report(pass, reported);
        GoroutineMethods.Report(pass, reported);
    }

    /// <summary>A write to a package-level map from an entry point, for the reads that race with it.</summary>
    private sealed record ConcurrentWrite(ParsedFile File, Node At, Entry Entry, bool Locked);

    /// <summary>Writes with no mutex held reached from concurrent entry points, then unlocked reads that race with any of their writes.</summary>
    private static void ReportEntryAccesses(Pass pass, IReadOnlyList<string> configured, Func<FuncLocks> funcLocks, HashSet<Node> reported)
    {
        var funcs = new PackageFuncs(pass);
        var entries = EntryPoints.Find(pass, funcs, configured, funcLocks);
        if (entries.Count == 0) return;
        var locks = new Dictionary<ParsedFile, LockState>(ReferenceEqualityComparer.Instance);
        PackageVarUses? uses = null;

        LockState LocksOf(FuncBody b)
        {
            if (!locks.TryGetValue(b.File, out var s)) locks[b.File] = s = new LockState(funcLocks(), b.File);
            return s;
        }

        var writes = new Dictionary<LockRef, List<ConcurrentWrite>>();
        var reachedBy = new List<(Entry Entry, List<Reached> Reached)>();
        foreach (var entry in entries)
        {
            var reached = Reachable(pass, funcs, entry, LocksOf);
            reachedBy.Add((entry, reached));
            var bodies = reached.Select(r => r.Body).ToList();
            var sharedRecvs = reached.Where(r => r.Recv != null).Select(r => r.Recv!).ToHashSet(ReferenceEqualityComparer.Instance);
            foreach (var r in reached)
            {
                var (body, recv, _) = r;
                foreach (var op in Operations(pass, body))
                {
                    if (!op.IsWrite) continue;
                    var at = op.At;
                    bool locked = LocksOf(body).HeldAt(at.Pos);
                    var target = GoAst.Unparen(op.Map);
                    var resolved = Resolve(pass, r, target);
                    string what;
                    if (resolved is { } pm && IsPackageMap(pass, pm))
                    {
                        if (!entry.ConcurrentWithItself)
                        {
                            uses ??= new PackageVarUses(pass);
                            if (!uses.UsedOutside(pm.Root, bodies, entry.StartedAt)) continue;
                        }
                        if (!writes.TryGetValue(pm, out var list)) writes[pm] = list = [];
                        list.Add(new ConcurrentWrite(body.File, at, entry, locked));
                        what = $"package-level map {pm.Display}{Through(body, target, pm)}";
                    }
                    else if (entry.ReceiverNote != null && resolved is { Path.Length: > 0 } field && sharedRecvs.Contains(field.Root))
                        what = $"{(Through(body, target, field) is { Length: > 0 } t ? field.Display + t : GoAst.Text(body.File, target))} (a field of {entry.ReceiverNote})";
                    else continue;
                    if (locked || !reported.Add(at)) continue;
                    var via = ReferenceEquals(body, entry.Body) ? "" : $" (called from {entry.Description})";
                    var from = ReferenceEquals(body, entry.Body) ? entry.Description : body.Decl?.Name.Name ?? "a function";
                    pass.Report(body.File, at,
                        $"{what} is written with no mutex held from {from}{via}: concurrent writes crash the program with \"fatal error: concurrent map writes\" " +
                        "— guard every access with a sync.Mutex, or use sync.Map");
                }
            }
        }
        if (writes.Count > 0) ReportRacingReads(pass, reachedBy, writes, LocksOf, funcLocks, reported);
    }

    /// <summary>
    /// Reads and iterations, in entry points, of package-level maps that concurrent code writes: with no mutex held
    /// they race with those writes, locked or not (the runtime's "concurrent map read and map write").
    /// </summary>
    private static void ReportRacingReads(Pass pass, List<(Entry Entry, List<Reached> Reached)> reachedBy, Dictionary<LockRef, List<ConcurrentWrite>> writes,
        Func<FuncBody, LockState> locksOf, Func<FuncLocks> funcLocks, HashSet<Node> reported)
    {
        foreach (var (entry, reached) in reachedBy)
        {
            foreach (var r in reached)
            {
                var body = r.Body;
                foreach (var op in Operations(pass, body))
                {
                    if (op.Kind is not (MapOpKind.Read or MapOpKind.Range or MapOpKind.Clone or MapOpKind.Reflect)) continue;
                    if (Resolve(pass, r, GoAst.Unparen(op.Map)) is not { } pm || !writes.TryGetValue(pm, out var ws)) continue;
                    // the same goroutine's own writes are sequential with its reads
                    var other = ws.FirstOrDefault(w => !ReferenceEquals(w.Entry, entry) || entry.ConcurrentWithItself);
                    if (other == null || reported.Contains(op.At) || locksOf(body).HeldAt(op.At.Pos)) continue;
                    reported.Add(op.At);
                    var line = other.File.Lines.Position(other.At.Pos).Line;
                    var where = $"{Path.GetFileName(other.File.Path)}:{line} from {other.Entry.Short}";
                    var fix = other.Locked
                        ? $"hold the mutex that guards the writes ({LockName(pass, funcLocks(), other)}) here too"
                        : "guard every access with a sync.Mutex (or RLock a sync.RWMutex for reads)";
                    var message = op.Kind == MapOpKind.Read
                        ? $"package-level map {pm.Display}{Through(body, GoAst.Unparen(op.Map), pm)} is read here with no mutex held, while it is written at {where}: a read during a write crashes the program with \"fatal error: concurrent map read and map write\" — {fix}"
                        : $"package-level map {pm.Display}{Through(body, GoAst.Unparen(op.Map), pm)} is iterated here with no mutex held, while it is written at {where}: iterating during a write crashes the program with \"fatal error: concurrent map iteration and map write\" — {fix}";
                    pass.Report(body.File, op.At, message);
                }
            }
        }
    }

    /// <summary>A map held in a package-level variable of this package, or in a field path below one (vars.v).</summary>
    private static bool IsPackageMap(Pass pass, LockRef r) => r.Root is { IsPackageLevel: true, IsField: false } && ReferenceEquals(r.Root.Pkg, pass.Package);

    /// <summary>
    /// The variable and field path a map expression denotes in a reached body: m, x.f, (*p) — with parameters and
    /// receivers that the calls bound to a package map or a shared receiver's field replaced by it.
    /// </summary>
    private static LockRef? Resolve(Pass pass, Reached r, Expr e)
    {
        if (e is UnaryExpr { Op: Token.AND } addr) e = GoAst.Unparen(addr.X);
        if (e is not (Ident or SelectorExpr or StarExpr) || LockRefs.Of(pass, e) is not { } lr) return null;
        if (r.Aliases != null && r.Aliases.TryGetValue(lr.Root, out var a))
            return new LockRef(a.Root, a.Path.Length == 0 ? lr.Path : lr.Path.Length == 0 ? a.Path : a.Path + "." + lr.Path);
        return lr;
    }

    /// <summary>" (the map in x.f)" when the write is spelled through a parameter or receiver bound to it.</summary>
    private static string Through(FuncBody body, Expr target, LockRef map)
    {
        var text = GoAst.Text(body.File, target).TrimStart('(', '*').TrimEnd(')');
        return text == map.Display ? "" : $", through {GoAst.Text(body.File, target)},";
    }

    private static string LockName(Pass pass, FuncLocks locks, ConcurrentWrite w)
    {
        if (locks.Enclosing(w.File, w.At.Pos) is { } body)
            foreach (var l in locks.HeldAt(body, w.At.Pos).Keys)
                return l.Display;
        return "the same mutex";
    }

    /// <summary>A body an entry reaches, and the variable in it that is the entry's shared receiver (null: none).</summary>
    /// <summary>Aliases: parameters and receivers of the body bound, at the call that reached it, to a package map or a shared receiver's field.</summary>
    private readonly record struct Reached(FuncBody Body, Var? Recv, Dictionary<Var, LockRef>? Aliases = null);

    /// <summary>
    /// The entry body and this package's functions it calls (transitively, a few levels), unless a lock is held at
    /// the call. A method called on the shared receiver (recv.m()) has its own receiver shared too.
    /// </summary>
    private static List<Reached> Reachable(Pass pass, PackageFuncs funcs, Entry entry, Func<FuncBody, LockState> locksOf)
    {
        var first = new Reached(entry.Body, entry.ReceiverNote != null ? ReceiverVar(pass, entry.Body) : null);
        var result = new List<Reached> { first };
        var seen = new HashSet<BlockStmt>(ReferenceEqualityComparer.Instance) { entry.Body.Body };
        var frontier = new List<Reached> { first };
        for (int depth = 0; depth < 4 && frontier.Count > 0; depth++)
        {
            var next = new List<Reached>();
            foreach (var current in frontier)
            {
                var (b, recv, _) = current;
                var state = locksOf(b);
                FuncBodies.InspectOwn(b.Body, n =>
                {
                    if (n is GoStmt) return false; // another goroutine: its own entry
                    if (n is not CallExpr call || state.HeldAt(call.Pos)) return true;
                    // r.m(), or r.f.m() on something the shared receiver holds: that receiver is shared too
                    bool onRecv = recv != null && GoAst.Unparen(call.Fun) is SelectorExpr sel && ReferenceEquals(GoAst.RootVar(pass, sel.X), recv);
                    foreach (var callee in funcs.Callees(pass, call.Fun))
                        if (seen.Add(callee.Body))
                            next.Add(new Reached(callee, onRecv ? ReceiverVar(pass, callee) : null, Bind(pass, current, call, callee)));
                    return true;
                });
            }
            result.AddRange(next);
            frontier = next;
        }
        return result;
    }

    /// <summary>
    /// The callee's receiver and parameters that the call binds to a package map or to a field of a shared receiver
    /// (connDB.add(k) where connDB is a package map of a named type; record(h.jobs) where h is the handler).
    /// Parameters the callee assigns are left out: they may stop denoting the caller's map.
    /// </summary>
    private static Dictionary<Var, LockRef>? Bind(Pass pass, Reached caller, CallExpr call, FuncBody callee)
    {
        Dictionary<Var, LockRef>? result = null;
        void Try(Expr arg, Ident? param)
        {
            if (param == null || !pass.Checker.Defs.TryGetValue(param, out var po) || po is not Var pv) return;
            if (Resolve(pass, caller, GoAst.Unparen(arg)) is not { } r) return;
            bool shared = IsPackageMap(pass, r) || caller.Recv != null && ReferenceEquals(r.Root, caller.Recv) && r.Path.Length > 0
                || caller.Aliases != null && caller.Aliases.Values.Any(a => ReferenceEquals(a.Root, r.Root));
            if (!shared || Assigned(pass, callee.Body, pv)) return;
            (result ??= new(ReferenceEqualityComparer.Instance))[pv] = r;
        }
        // a receiver that is a package map of a named map type (a shared receiver's own receiver is Recv's business)
        if (callee.Decl?.Recv is { List: [{ Names: [var recvName, ..] }] } && GoAst.Unparen(call.Fun) is SelectorExpr sel
            && Resolve(pass, caller, GoAst.Unparen(sel.X)) is { } rr && IsPackageMap(pass, rr))
            Try(sel.X, recvName);
        var names = callee.Type.Params.List.SelectMany(f => f.Names ?? []).ToList();
        for (int i = 0; i < call.Args.Count && i < names.Count; i++) Try(call.Args[i], names[i]);
        return result;
    }

    private static bool Assigned(Pass pass, BlockStmt body, Var v)
    {
        bool found = false;
        Inspector.Inspect(body, n =>
        {
            if (n is AssignStmt a && a.Lhs.Any(l => GoAst.Unparen(l) is Ident id && ReferenceEquals(GoAst.ObjectOf(pass, id), v))) found = true;
            return !found;
        }, comments: false);
        return found;
    }

    private static Var? ReceiverVar(Pass pass, FuncBody body) =>
        body.Decl?.Recv is { List: [{ Names: [var recv, ..] }] } && pass.Checker.Defs.TryGetValue(recv, out var o) ? o as Var : null;

    /// <summary>The map operations of a body's own code (not of closures or goroutines it starts).</summary>
    private static List<MapOperation> Operations(Pass pass, FuncBody body) =>
        MapOperations.Under(pass.Checker, body.Body, n => n is not (FuncLit or GoStmt));
}
