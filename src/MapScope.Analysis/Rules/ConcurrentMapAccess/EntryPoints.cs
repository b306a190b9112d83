using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>
/// Code that runs on a goroutine of its own. ConcurrentWithItself: several instances run at once (handlers,
/// goroutines started in a loop), so any unlocked write races; otherwise a write races only with code outside it.
/// ReceiverNote: the receiver is shared by those instances ("the handler's receiver, shared by all requests").
/// StartedAt: the statement or call that starts it (code before it in the same function runs first).
/// </summary>
internal sealed record Entry(FuncBody Body, string Description, bool ConcurrentWithItself, string? ReceiverNote = null, Node? StartedAt = null)
{
    /// <summary>The description without its explanation ("an HTTP handler (h)"): the part before the first ", ".</summary>
    public string Short => Description.IndexOf(", ", StringComparison.Ordinal) is var i and >= 0 ? Description[..i] : Description;
}

internal static class EntryPoints
{
    public static List<Entry> Find(Pass pass, PackageFuncs funcs, IReadOnlyList<string> configured, Func<FuncLocks> locks)
    {
        var entries = new List<Entry>();
        var seen = new HashSet<BlockStmt>(ReferenceEqualityComparer.Instance);
        void Add(Entry e)
        {
            if (seen.Add(e.Body.Body)) entries.Add(e);
        }

        var grpc = ConcurrentCallers.GrpcServices(pass);
        foreach (var fn in FuncBodies.All(pass.Files))
        {
            if (fn.Decl != null && configured.Count > 0 && ConfiguredEntryPoints.Matches(pass, fn.Decl, configured) is { } full)
            {
                Add(new Entry(fn, $"{full} (a concurrency entry point in .mapscope.yml)", true, "the entry point's receiver, shared by its concurrent calls"));
                continue;
            }
            if (ConcurrentCallers.Classify(pass, fn, grpc) is not var (description, note)) continue;
            // a helper named for its caller's lock, or called only with one held, is not entered unlocked
            if (fn.Decl != null && locks().BodyOf(fn.Body) is { } lb && (lb.AssumesLockHeld || lb.Entry is { Count: > 0 })) continue;
            Add(new Entry(fn, description, true, fn.Decl?.Recv != null ? note : null));
        }

        foreach (var file in pass.Files)
        {
            var loops = new List<Node>();
            Inspector.Inspect(file.File, n =>
            {
                if (n is ForStmt or RangeStmt) loops.Add(n);
                switch (n)
                {
                    case GoStmt g:
                        Started(pass, funcs, file, loops, g, g.Call.Fun, "a goroutine", Add);
                        break;
                    case CallExpr call when GoroutineStarters.IsStarter(pass, call) && call.Args.Count == 1:
                        Started(pass, funcs, file, loops, call, call.Args[0], "a goroutine", Add);
                        break;
                    case CallExpr call when call.Args.Count == 2 && IsTimeAfterFunc(pass, file, call):
                        Started(pass, funcs, file, loops, call, call.Args[1], "a time.AfterFunc callback", Add);
                        break;
                    case CompositeLit lit when IsEventHandlerFuncs(pass, file, lit):
                        foreach (var e in lit.Elts)
                        {
                            if (e is not KeyValueExpr { Key: Ident { Name: "AddFunc" or "UpdateFunc" or "DeleteFunc" } key } kv) continue;
                            var target = Target(pass, funcs, file, kv.Value);
                            if (target == null) continue;
                            var named = target.Decl != null ? $" ({target.Decl.Name.Name})" : "";
                            Add(new Entry(target, $"an informer {key.Name} callback{named}, which client-go runs on its own goroutine", false));
                        }
                        break;
                }
                return true;
            }, comments: false);
        }
        return entries;
    }

    private static void Started(Pass pass, PackageFuncs funcs, ParsedFile file, List<Node> loops, Node start, Expr fun, string what, Action<Entry> add)
    {
        var loop = loops.LastOrDefault(l => l.Pos <= start.Pos && start.End <= l.End);
        var target = Target(pass, funcs, file, fun);
        if (target == null) return;
        var line = file.Lines.Position(start.Pos).Line;
        // go s.serve(conn) in an accept loop: every goroutine gets the same s
        string? note = null;
        if (loop != null && target.Decl?.Recv != null && GoAst.Unparen(fun) is SelectorExpr { X: Ident recv }
            && GoAst.ObjectOf(pass, recv) is Var rv && rv.Pos < loop.Pos)
            note = "the receiver of goroutines started in a loop, shared by all of them";
        add(new Entry(target, $"{what} started on line {line}{(loop != null ? " in a loop" : "")}", loop != null, note, start));
    }

    /// <summary>The body a function value denotes: a literal, or a function or method of this package.</summary>
    private static FuncBody? Target(Pass pass, PackageFuncs funcs, ParsedFile file, Expr fun) => GoAst.Unparen(fun) switch
    {
        FuncLit fl => new FuncBody(file, fl.Type, fl.Body, null),
        var f => funcs.Callee(pass, f),
    };

    private static bool IsTimeAfterFunc(Pass pass, ParsedFile file, CallExpr call) =>
        call.Fun is SelectorExpr { Sel.Name: "AfterFunc", X: Ident pkg } sel && GoAst.IsPackageName(pass, pkg)
        && (pass.Checker.Uses.TryGetValue(sel.Sel, out var o) ? o is Func { Pkg.Path: "time" } : ImportedTypes.Is(file, sel, false, "AfterFunc", "time"));

    private static bool IsEventHandlerFuncs(Pass pass, ParsedFile file, CompositeLit lit) =>
        pass.TypeOf(lit) is Named { Obj: { Name: "ResourceEventHandlerFuncs", Pkg.Path: "k8s.io/client-go/tools/cache" } }
        || ImportedTypes.Is(file, lit.Type, false, "ResourceEventHandlerFuncs", "k8s.io/client-go/tools/cache");
}

/// <summary>This package's functions and methods by name, to follow calls and `go` statements.</summary>
internal sealed class PackageFuncs
{
    private readonly Dictionary<string, FuncBody> _funcs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Method), FuncBody> _methods = [];

    public PackageFuncs(Pass pass)
    {
        foreach (var file in pass.Files)
        {
            foreach (var fd in file.File.Decls.OfType<FuncDecl>())
            {
                if (fd.Body == null) continue;
                var body = new FuncBody(file, fd.Type, fd.Body, fd);
                if (fd.Recv == null) _funcs.TryAdd(fd.Name.Name, body);
                else if (RecvTypeName(fd) is { } t) _methods.TryAdd((t, fd.Name.Name), body);
            }
        }
    }

    /// <summary>The body a call target denotes: f (a function of this package) or x.m (a method of one of its types).</summary>
    public FuncBody? Callee(Pass pass, Expr fun)
    {
        switch (GoAst.Unparen(fun))
        {
            case Ident id when GoAst.ObjectOf(pass, id) is Func f && ReferenceEquals(f.Pkg, pass.Package):
                return _funcs.TryGetValue(id.Name, out var b) && b.Decl!.Name.Pos == f.Pos ? b : null;
            case SelectorExpr sel when !(GoAst.Unparen(sel.X) is Ident pid && GoAst.IsPackageName(pass, pid)):
                var t = pass.TypeOf(sel.X);
                if (t is Pointer p) t = p.Elem;
                if (t is Named n && ReferenceEquals(n.Obj.Pkg, pass.Package) && _methods.TryGetValue(((n.Origin ?? n).Obj.Name, sel.Sel.Name), out var m)) return m;
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The bodies a call may run: its callee, or for a method call through an interface, that method of every type
    /// of this package that has all the interface's methods (a few at most: more means the call is too generic to follow).
    /// </summary>
    public List<FuncBody> Callees(Pass pass, Expr fun)
    {
        if (Callee(pass, fun) is { } direct) return [direct];
        if (GoAst.Unparen(fun) is not SelectorExpr sel || pass.TypeOf(sel.X).Underlying is not Interface { Embeddeds.Count: 0, Methods.Count: > 0 } iface) return [];
        var result = new List<FuncBody>();
        foreach (var ((type, method), body) in _methods)
        {
            if (method != sel.Sel.Name || pass.Package.Scope.LookupLocal(type) is not TypeName { Type: Named named }) continue;
            bool all = iface.Methods.TrueForAll(m => _methods.ContainsKey((type, m.Name)) || named.Methods.Exists(nm => nm.Name == m.Name));
            if (all) result.Add(body);
        }
        return result.Count <= 3 ? result : [];
    }

    public static string? RecvTypeName(FuncDecl fd)
    {
        var t = fd.Recv!.List.Count > 0 ? fd.Recv.List[0].Type : null;
        while (t is StarExpr or ParenExpr) t = t is StarExpr s ? s.X : ((ParenExpr)t).X;
        if (t is IndexExpr ix) t = ix.X;
        if (t is IndexListExpr il) t = il.X;
        return (t as Ident)?.Name;
    }
}
