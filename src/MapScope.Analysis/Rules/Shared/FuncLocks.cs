using MapScope.Analysis.Framework;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.Shared;

/// <summary>A function body of the package and how it is entered (for lock state at its first statement).</summary>
internal sealed class LockBody
{
    public required ParsedFile File { get; init; }
    public required BlockStmt Body { get; init; }
    public required FuncType Type { get; init; }
    public FuncDecl? Decl { get; init; }
    /// <summary>For a function literal: the body it is written in, and its own node.</summary>
    public LockBody? Parent { get; init; }
    public FuncLit? Lit { get; init; }
    /// <summary>A literal started with `go` (or handed to errgroup/WaitGroup Go): it starts with no lock held.</summary>
    public bool IsGoroutine { get; init; }
    public List<LockEvent> Events => Flow?.Events ?? [];
    public LockFlow? Flow { get; set; }
    /// <summary>Locks every caller holds when it runs (declarations only); null = not known yet (top).</summary>
    public Dictionary<LockRef, HoldMode>? Entry { get; set; }
    /// <summary>Its callers are not all visible (an unexported function with no call found): say nothing about it.</summary>
    public bool CallersUnknown { get; set; }
    /// <summary>
    /// Named or documented as running with its caller's lock held (fooLocked, fooNoLock, "caller must hold mu"),
    /// or called only from such functions: which lock it has is not known, only that it has one.
    /// </summary>
    public bool AssumesLockHeld { get; set; }
    /// <summary>
    /// A callback given a transaction (func(tx *bolt.Tx) error): the database runs it inside a transaction that it
    /// serializes with the other writers, a lock the code does not show.
    /// </summary>
    public bool InTransaction { get; init; }
    /// <summary>A literal handed to a call (not as a goroutine): when and where the callee runs it is unknown.</summary>
    public bool IsCallbackArg { get; init; }
    /// <summary>Slots (LockRefs.Slot) of the locks every caller holds, through whatever path; null = not known yet.</summary>
    public HashSet<string>? EntrySlots { get; set; }
    /// <summary>Locks released before they are taken in this body: held on entry, handed over by whoever locked them.</summary>
    public Dictionary<LockRef, HoldMode> Handoff { get; set; } = [];

    public string Name => Decl?.Name.Name ?? "a function literal";

    /// <summary>The declaration a literal is written in (itself for a declaration).</summary>
    public LockBody Outermost
    {
        get
        {
            var b = this;
            while (b.Lit != null) b = b.Parent!;
            return b;
        }
    }

    /// <summary>In a _test.go file: tests poke internals single-threaded.</summary>
    public bool IsTest => File.Path.EndsWith("_test.go", StringComparison.Ordinal);
}

/// <summary>
/// Which mutexes are held where, per function of a package: each body's own Lock/Unlock calls replayed in
/// structured control flow (LockFlow) from the locks held on entry. Entry locks come from the callers: a function or
/// method whose every call in the package holds a mutex (translated through the receiver and arguments) runs
/// with it held; a literal runs with its enclosing function's locks unless it is started as a goroutine.
/// A deferred unlock keeps the lock to the end; an unlock in a nested block that returns does not end it for
/// the code after that block.
/// </summary>
internal sealed class FuncLocks
{
    private readonly Pass _pass;
    public List<LockBody> Bodies { get; } = [];
    private readonly Dictionary<BlockStmt, LockBody> _byBody = new(ReferenceEqualityComparer.Instance);

    /// <summary>The package's lock model, computed once and shared by every rule through the pass's facts.</summary>
    public static FuncLocks Of(Pass pass) => pass.Facts.Get(() => new FuncLocks(pass));

    private FuncLocks(Pass pass)
    {
        _pass = pass;
        foreach (var file in pass.Files)
            foreach (var fd in file.File.Decls.OfType<FuncDecl>())
                if (fd.Body != null) AddDecl(file, fd);
        ComputeEntries();
    }

    public LockBody? BodyOf(BlockStmt body) => _byBody.TryGetValue(body, out var b) ? b : null;

    /// <summary>The innermost body containing pos in a file.</summary>
    public LockBody? Enclosing(ParsedFile file, int pos)
    {
        _byFile ??= Bodies.GroupBy(b => b.File).ToDictionary(g => g.Key, g => g.OrderBy(b => b.Body.Pos).ToArray());
        if (!_byFile.TryGetValue(file, out var sorted)) return null;
        // the last body starting at or before pos that still contains it: bodies nest, so the innermost one
        int lo = 0, hi = sorted.Length - 1, last = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].Body.Pos <= pos) { last = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        for (int i = last; i >= 0; i--)
            if (pos < sorted[i].Body.End) return sorted[i];
        return null;
    }

    private Dictionary<ParsedFile, LockBody[]>? _byFile;

    /// <summary>Locks acquired on some paths to pos but not all (conditional locking): whether they are held is unknown.</summary>
    public IEnumerable<LockRef> MaybeHeldAt(LockBody body, int pos)
    {
        for (var b = body; b != null; b = b.IsGoroutine ? null : b.Parent)
        {
            foreach (var (lockRef, change) in b.Flow!.DeltaAt(b == body ? pos : body.Lit!.Pos))
                if (change.Maybe) yield return lockRef;
            if (b.Lit == null) break;
        }
    }

    /// <summary>The mutexes held just before pos in the body (entry locks, then the body's own events).</summary>
    public Dictionary<LockRef, HoldMode> HeldAt(LockBody body, int pos)
    {
        var held = body.Lit != null
            ? (body.IsGoroutine ? [] : HeldAt(body.Parent!, body.Lit.Pos))
            : new Dictionary<LockRef, HoldMode>(body.Entry ?? []);
        if (body.Lit == null)
            foreach (var (lockRef, mode) in body.Handoff) held.TryAdd(lockRef, mode);
        foreach (var (lockRef, change) in body.Flow!.DeltaAt(pos))
        {
            if (change.Maybe) held.Remove(lockRef);
            else if (change.Acquired) held[lockRef] = change.Mode;
            else held.Remove(lockRef);
        }
        return held;
    }

    private void AddDecl(ParsedFile file, FuncDecl fd)
    {
        var doc = fd.Doc?.Text() ?? "";
        var name = fd.Name.Name;
        var body = new LockBody
        {
            File = file, Body = fd.Body!, Type = fd.Type, Decl = fd,
            AssumesLockHeld = name.EndsWith("Locked", StringComparison.Ordinal) || name.EndsWith("locked", StringComparison.Ordinal)
                // unlockedDelete, lockedAdd, UnlockedGet: the prefix says the function does not lock, its caller does
                || HasPrefixWord(name, "unlocked") || HasPrefixWord(name, "locked") || HasPrefixWord(name, "Unlocked") || HasPrefixWord(name, "Locked")
                || name.EndsWith("NoLock", StringComparison.Ordinal) || name.EndsWith("Nolock", StringComparison.Ordinal)
                || name.EndsWith("Unlocked", StringComparison.Ordinal) || MentionsHeldLock(doc),
        };
        Add(body);
    }

    // "Lock should be held.", "Assumes mu is held", "Caller must hold s.mu", "must be called with the lock held",
    // "Write lock must be held": a documented precondition that callers (possibly in other packages) lock.
    private static readonly System.Text.RegularExpressions.Regex HeldLockDoc = new(
        @"\b(lock|locks|locked|mutex|mu)\b.{0,40}\b(held|hold|holding|acquired|taken|owned)\b|\b(held|hold|holding|holds)\b.{0,30}\b(lock|locks|mutex|mu)\b|\b(caller|callers)\b.{0,40}\b(lock|locks|locked)\b|\b(under|with)\s+(the\s+)?(\w+\s+)?(lock|mutex)\b|\bmust be locked\b|\bshould be locked\b|\bunder\s+[\w.]+\s+(locked|held)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline);

    private static bool HasPrefixWord(string name, string prefix) =>
        name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(name[prefix.Length]);

    private static bool MentionsHeldLock(string doc) =>
        doc.Length > 0 && HeldLockDoc.IsMatch(doc) && !doc.Contains("not be held", StringComparison.OrdinalIgnoreCase)
        && !doc.Contains("not hold", StringComparison.OrdinalIgnoreCase) && !doc.Contains("without holding", StringComparison.OrdinalIgnoreCase);

    private void Add(LockBody body)
    {
        Bodies.Add(body);
        _byBody[body.Body] = body;
        var goTargets = new HashSet<FuncLit>(ReferenceEqualityComparer.Instance);
        var callbackArgs = new HashSet<FuncLit>(ReferenceEqualityComparer.Instance);
        Inspector.Inspect(body.Body, n =>
        {
            if (n is CallExpr cb)
                foreach (var a in cb.Args)
                    if (GoAst.Unparen(a) is FuncLit cl) callbackArgs.Add(cl);
            if (n is FuncLit lit)
            {
                Add(new LockBody
                {
                    File = body.File, Body = lit.Body, Type = lit.Type, Parent = body, Lit = lit,
                    IsGoroutine = goTargets.Contains(lit),
                    IsCallbackArg = !goTargets.Contains(lit) && callbackArgs.Contains(lit) || body.IsCallbackArg,
                    AssumesLockHeld = body.AssumesLockHeld,
                    InTransaction = body.InTransaction || TakesTransaction(lit.Type),
                });
                return false;
            }
            if (n is GoStmt { Call.Fun: var f } && GoAst.Unparen(f) is FuncLit gl) goTargets.Add(gl);
            if (n is CallExpr call && GoroutineStarters.IsStarter(_pass, call))
                foreach (var a in call.Args)
                    if (GoAst.Unparen(a) is FuncLit al) goTargets.Add(al);
            return true;
        }, comments: false);
        body.Flow = new LockFlow(_pass, body.Body);
    }

    private static bool TakesTransaction(FuncType type)
    {
        foreach (var f in type.Params.List)
        {
            var t = f.Type;
            while (t is StarExpr st) t = st.X;
            var name = t switch { SelectorExpr sel => sel.Sel.Name, Ident id => id.Name, _ => "" };
            if (name.EndsWith("Tx", StringComparison.Ordinal) || name.EndsWith("Txn", StringComparison.Ordinal) || name.EndsWith("Transaction", StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    // ---- entry locks from callers ----

    private sealed record CallSite(LockBody Caller, CallExpr? Call, bool Goroutine);

    private void ComputeEntries()
    {
        var decls = Bodies.Where(b => b.Decl != null).ToList();
        var sites = new Dictionary<LockBody, List<CallSite>>(ReferenceEqualityComparer.Instance);
        var byFunc = new Dictionary<Func, LockBody>(ReferenceEqualityComparer.Instance);
        var byMethod = new Dictionary<(TypeName, string), LockBody>();
        foreach (var d in decls)
        {
            sites[d] = [];
            if (d.Decl!.Recv == null)
            {
                if (_pass.Checker.Defs.TryGetValue(d.Decl.Name, out var o) && o is Func f) byFunc[f] = d;
            }
            else if (ReceiverTypeName(d.Decl) is { } tn) byMethod.TryAdd((tn, d.Decl.Name.Name), d);
        }

        foreach (var caller in Bodies)
        {
            var parents = new Parents(caller.Body);
            FuncBodies.InspectOwn(caller.Body, n =>
            {
                LockBody? target = n switch
                {
                    Ident id when _pass.Checker.Uses.TryGetValue(id, out var o) && o is Func f && byFunc.TryGetValue(f, out var t) => t,
                    SelectorExpr sel when MethodTarget(sel, byMethod) is { } t => t,
                    _ => null,
                };
                if (target == null) return true;
                var parent = parents.OfUnparen(n);
                if (parent is CallExpr call && ReferenceEquals(GoAst.Unparen(call.Fun), n))
                    sites[target].Add(new CallSite(caller, call, parents.Of(call) is GoStmt));
                else
                    sites[target].Add(new CallSite(caller, null, true)); // a function value: called from anywhere
                return n is not SelectorExpr;
            });
        }

        var ownership = new Ownership(_pass);
        foreach (var b in Bodies) b.Handoff = Handoff(b);
        SessionHandoffs(decls);
        var candidates = new List<LockBody>();
        foreach (var d in decls)
        {
            var name = d.Decl!.Name.Name;
            bool exported = name.Length > 0 && char.IsUpper(name[0]);
            // Exported functions are called from other packages too; when this package also calls them, its
            // callers' locks count (precision first: a caller holding the lock is the intent we can see).
            if (name is "init" or "main" || d.Decl.Recv != null && IsInterfaceMethodName(name) || exported && sites[d].Count == 0)
                d.Entry = [];
            else if (sites[d].Count == 0)
            {
                d.Entry = [];
                d.CallersUnknown = true;
            }
            else candidates.Add(d); // Entry stays null: top, "every lock", until its callers say otherwise
        }
        // Run only by constructors on the value they are making (idx := &T{}; idx.load()), or only by tests: nothing
        // shares the value there, so its accesses say nothing about the lock — as if its callers were unknown.
        foreach (var d in candidates)
            if (sites[d].All(s => Uncounted(s, ignoreTests: true, ownership)))
                d.CallersUnknown = true;

        // Fixpoint from the top: entries only shrink, so a few rounds settle chains of helpers.
        Settle();
        foreach (var d in candidates)
            if (d.Entry == null && sites[d].Any(s => s.Caller.Outermost.AssumesLockHeld)) d.AssumesLockHeld = true;
        // A recursive cycle (Register -> registerOne -> initSub -> Register) stays at top: start its members from
        // nothing and settle again, so the locks taken inside the cycle (Register's own Lock) reach its callees.
        if (candidates.Any(d => d.Entry == null))
        {
            foreach (var d in candidates) d.Entry ??= [];
            Settle();
        }
        foreach (var d in decls) d.Entry ??= [];
        SettleSlots();

        // The same for slots (LockRefs.Slot): which mutex field of which type every caller holds, whatever path
        // reaches it (child.sendUpdate() with b.mu held runs with priorityBalancer.mu held, though child.parent
        // being b is beyond the lock flow). Only for saying "maybe held" — never for "held".
        void SettleSlots()
        {
            var isCandidate = candidates.ToHashSet(ReferenceEqualityComparer.Instance);
            foreach (var d in decls) d.EntrySlots = isCandidate.Contains(d) ? null : [];
            for (int round = 0; round < 6; round++)
            {
                bool changed = false;
                foreach (var d in candidates)
                {
                    HashSet<string>? meet = null;
                    bool nonTest = sites[d].Any(s => !s.Caller.IsTest);
                    foreach (var s in sites[d])
                    {
                        if (Uncounted(s, nonTest, ownership) || s.Caller.Outermost.AssumesLockHeld) continue;
                        if (s.Goroutine || s.Call == null) { meet = []; break; }
                        if (SlotsAt(s.Caller, s.Call.Pos) is not { } held) continue; // top
                        if (meet == null) meet = held;
                        else meet.IntersectWith(held);
                    }
                    if (meet == null) continue;
                    if (d.EntrySlots == null || !d.EntrySlots.SetEquals(meet))
                    {
                        d.EntrySlots = meet;
                        changed = true;
                    }
                }
                if (!changed) break;
            }
            foreach (var d in decls) d.EntrySlots ??= [];
        }

        void Settle()
        {
        for (int round = 0; round < 6; round++)
        {
            bool changed = false;
            foreach (var d in candidates)
            {
                Dictionary<LockRef, HoldMode>? meet = null; // null = top
                // Tests call internals directly, single-threaded and without the lock (serf's reap): with callers
                // outside tests, those calls say nothing about the lock the code runs under.
                bool nonTestCallers = sites[d].Any(s => !s.Caller.IsTest);
                foreach (var s in sites[d])
                {
                    if (Uncounted(s, nonTestCallers, ownership)) continue;
                    if (s.Goroutine || s.Call == null) { meet = []; break; }
                    if (TopCaller(s.Caller)) continue; // top meets x = x
                    if (s.Caller.Outermost.AssumesLockHeld) continue; // its caller's lock, whichever it is
                    var held = Translate(HeldAt(s.Caller, s.Call.Pos), s.Call, d);
                    meet = meet == null ? held : Intersect(meet, held);
                }
                if (meet == null) continue;
                if (d.Entry == null || !SameLocks(d.Entry, meet))
                {
                    d.Entry = meet;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        }
    }

    /// <summary>The slots of the locks held just before pos, with the body's entry slots; null while those are top.</summary>
    public HashSet<string>? SlotsAt(LockBody body, int pos) => SlotsAt(body, HeldAt(body, pos));

    /// <summary>As above, from the locks already known to be held there (HeldAt).</summary>
    public HashSet<string>? SlotsAt(LockBody body, Dictionary<LockRef, HoldMode> held)
    {
        var outer = body.Outermost;
        HashSet<string> result;
        if (body.IsGoroutine || body.Lit != null && HasGoroutineAbove(body)) result = [];
        else if (outer.EntrySlots == null) return null;
        else result = new HashSet<string>(outer.EntrySlots, StringComparer.Ordinal);
        foreach (var lockRef in held.Keys)
            if (LockRefs.Slot(lockRef) is { } slot) result.Add(slot);
        return result;
    }

    private static bool HasGoroutineAbove(LockBody b)
    {
        for (; b.Lit != null; b = b.Parent!)
            if (b.IsGoroutine) return true;
        return false;
    }

    /// <summary>
    /// A call that says nothing about the lock its callee runs under: from a test (ignoreTests: when the callee has
    /// other callers), or a constructor filling the value it just made (idx := &amp;T{}; idx.add(x)), which nobody else sees yet.
    /// </summary>
    private bool Uncounted(CallSite s, bool ignoreTests, Ownership ownership) =>
        ignoreTests && s.Caller.IsTest || OnOwnedValue(s, ownership);

    private bool OnOwnedValue(CallSite s, Ownership ownership)
    {
        // go v.loop() publishes v: the goroutine shares it with whoever else has it
        if (s.Goroutine || s.Call == null || GoAst.Unparen(s.Call.Fun) is not SelectorExpr sel || LockRefs.Of(_pass, sel.X) is not { } recv) return false;
        return recv.Root is { IsPackageLevel: false } v && ownership.IsOwned(s.Caller.Outermost.Decl, v);
    }

    /// <summary>
    /// Locks the body releases before it takes them (cc.manager.mu.Unlock() at the end of Finish, the lock taken by
    /// the StartCollection that returned cc): a hand-off, so the lock is held from entry up to that release.
    /// </summary>
    private static Dictionary<LockRef, HoldMode> Handoff(LockBody b)
    {
        var result = new Dictionary<LockRef, HoldMode>();
        if (b.Decl == null) return result;
        var seen = new HashSet<LockRef>();
        foreach (var e in b.Events.OrderBy(e => e.Pos))
        {
            if (!seen.Add(e.Lock)) continue;
            if (!e.Acquire) result[e.Lock] = e.Mode;
        }
        return result;
    }

    /// <summary>
    /// A session value: one method of T releases a lock reached through the receiver that another function took
    /// (collectionContext.Finish unlocks cc.manager.rwlock, locked by the StartCollection that made cc). The other
    /// methods of T run inside that session, between the lock and its release, so they hold it too — unless they
    /// take it themselves.
    /// </summary>
    private void SessionHandoffs(List<LockBody> decls)
    {
        var byType = new Dictionary<TypeName, List<(LockBody Body, Var Recv)>>(ReferenceEqualityComparer.Instance);
        foreach (var d in decls)
        {
            if (d.Decl!.Recv is not { List: [{ Names: [var rn, ..] }] } || ReceiverTypeName(d.Decl) is not { } tn) continue;
            if (!_pass.Checker.Defs.TryGetValue(rn, out var ro) || ro is not Var rv) continue;
            if (!byType.TryGetValue(tn, out var list)) byType[tn] = list = [];
            list.Add((d, rv));
        }
        foreach (var methods in byType.Values)
        {
            var paths = new Dictionary<string, HoldMode>(StringComparer.Ordinal);
            foreach (var (body, recv) in methods)
                foreach (var (lockRef, mode) in body.Handoff)
                    if (ReferenceEquals(lockRef.Root, recv) && lockRef.Path.Length > 0) paths[lockRef.Path] = mode;
            if (paths.Count == 0) continue;
            foreach (var (body, recv) in methods)
                foreach (var (path, mode) in paths)
                {
                    var lockRef = new LockRef(recv, path);
                    if (body.Events.Any(e => e.Lock.Equals(lockRef))) continue; // it locks or releases it itself
                    body.Handoff.TryAdd(lockRef, mode);
                }
        }
    }

    private static bool TopCaller(LockBody caller)
    {
        var b = caller;
        while (b.Lit != null)
        {
            if (b.IsGoroutine) return false;
            b = b.Parent!;
        }
        return b.Entry == null;
    }

    // Methods that implement well-known interfaces are called through the interface, by code we cannot see.
    private static bool IsInterfaceMethodName(string name) => name is "String" or "Error" or "ServeHTTP" or "Close" or "Len" or "Less" or "Swap";

    private Dictionary<LockRef, HoldMode> Translate(Dictionary<LockRef, HoldMode> held, CallExpr call, LockBody callee)
    {
        var result = new Dictionary<LockRef, HoldMode>();
        if (held.Count == 0) return result;
        var bindings = new List<(LockRef Arg, Var Param)>();
        var decl = callee.Decl!;
        if (decl.Recv is { List: [{ Names: [var recvName, ..] }] } && GoAst.Unparen(call.Fun) is SelectorExpr sel
            && _pass.Checker.Defs.TryGetValue(recvName, out var ro) && ro is Var recvVar && LockRefs.Of(_pass, sel.X) is { } recvArg)
            bindings.Add((recvArg, recvVar));
        var pnames = decl.Type.Params.List.SelectMany(f => f.Names ?? []).ToList();
        for (int i = 0; i < call.Args.Count && i < pnames.Count; i++)
            if (LockRefs.Of(_pass, call.Args[i]) is { } argRef && _pass.Checker.Defs.TryGetValue(pnames[i], out var po) && po is Var pv)
                bindings.Add((argRef, pv));
        foreach (var (lockRef, mode) in held)
        {
            if (lockRef.Root.IsPackageLevel) result[lockRef] = mode;
            // and as the callee names it: lo.other(p) with lo.mu held runs other with l.mu held
            foreach (var (arg, param) in bindings)
            {
                if (!ReferenceEquals(arg.Root, lockRef.Root)) continue;
                if (arg.Path.Length == 0) result[new LockRef(param, lockRef.Path)] = mode;
                else if (lockRef.Path.StartsWith(arg.Path + ".", StringComparison.Ordinal))
                    result[new LockRef(param, lockRef.Path[(arg.Path.Length + 1)..])] = mode;
                else if (lockRef.Path == arg.Path) result[new LockRef(param, "")] = mode;
            }
        }
        return result;
    }

    private static Dictionary<LockRef, HoldMode> Intersect(Dictionary<LockRef, HoldMode> a, Dictionary<LockRef, HoldMode> b)
    {
        var r = new Dictionary<LockRef, HoldMode>();
        foreach (var (k, m) in a)
            if (b.TryGetValue(k, out var m2)) r[k] = m == HoldMode.Exclusive && m2 == HoldMode.Exclusive ? HoldMode.Exclusive : HoldMode.Shared;
        return r;
    }

    private static bool SameLocks(Dictionary<LockRef, HoldMode> a, Dictionary<LockRef, HoldMode> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var m) && m == kv.Value);

    private LockBody? MethodTarget(SelectorExpr sel, Dictionary<(TypeName, string), LockBody> byMethod)
    {
        if (byMethod.Count == 0) return null;
        var t = _pass.TypeOf(sel.X);
        if (t is Pointer p) t = p.Elem;
        if (t is not Named n) return null;
        var origin = (n.Origin ?? n).Obj;
        return byMethod.TryGetValue((origin, sel.Sel.Name), out var b) ? b : null;
    }

    /// <summary>The receiver's declared type name (T in func (r *T) m(), also for generic receivers).</summary>
    public TypeName? ReceiverTypeName(FuncDecl fd)
    {
        var t = fd.Recv?.List.Count > 0 ? fd.Recv.List[0].Type : null;
        while (t is StarExpr or ParenExpr) t = t is StarExpr s ? s.X : ((ParenExpr)t).X;
        if (t is IndexExpr ix) t = ix.X;
        if (t is IndexListExpr il) t = il.X;
        return t is Ident id ? _pass.Package.Scope.LookupLocal(id.Name) as TypeName : null;
    }
}

/// <summary>Calls that run a function argument on a new goroutine: errgroup.Group.Go, sync.WaitGroup.Go (Go 1.25), conc pools.</summary>
internal static class GoroutineStarters
{
    public static bool IsStarter(Pass pass, CallExpr call)
    {
        if (call.Fun is not SelectorExpr { Sel.Name: "Go" or "TryGo" } sel) return false;
        var t = pass.TypeOf(sel.X);
        if (t is Pointer p) t = p.Elem;
        if (t is Named { Obj: { Name: "Group", Pkg.Path: "golang.org/x/sync/errgroup" } }) return true;
        if (t is Named { Obj: { Name: "WaitGroup", Pkg.Path: "sync" } }) return true;
        // errgroup not downloaded: the receiver's type is unknown, but g.Go(func() error {...}) is unmistakable
        return t is UnknownType && call.Args.Count == 1 && GoAst.Unparen(call.Args[0]) is FuncLit { Type.Results.List.Count: 1 };
    }
}
