using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Maps;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>
/// A local map that goroutines started in a loop all write: captured by the goroutine's literal (go func, errgroup
/// Go, WaitGroup.Go) or passed to it as an argument, possibly through calls of the package, with no mutex held at
/// the write. Only maps declared before the loop count: a loop variable, or a map made in the loop body or inside
/// the goroutine, is a different map per goroutine (Go 1.22 gives each iteration its own loop variable; before 1.22
/// a captured loop variable is itself a race, but which map each goroutine sees is not known, so it is not
/// reported either way).
/// </summary>
internal static class SharedLocalMaps
{
    private const int MaxDepth = 3;

    public static void Report(Pass pass, Func<FuncLocks> locksOf, HashSet<Node> reported)
    {
        if (!HasStartInLoop(pass)) return;
        var locks = locksOf();
        var funcs = new PackageFuncs(pass);
        foreach (var f in locks.Bodies.ToList())
        {
            var loops = new List<Node>();
            var starts = new List<(Node Start, Expr Fun, List<Expr> Args)>();
            FuncBodies.InspectOwn(f.Body, n =>
            {
                switch (n)
                {
                    case ForStmt or RangeStmt:
                        loops.Add(n);
                        break;
                    case GoStmt g:
                        starts.Add((g, g.Call.Fun, g.Call.Args));
                        break;
                    case CallExpr call when GoroutineStarters.IsStarter(pass, call) && call.Args.Count == 1:
                        starts.Add((call, call.Args[0], []));
                        break;
                }
                return true;
            });
            if (loops.Count == 0) continue;
            foreach (var (start, fun, args) in starts)
            {
                var loop = loops.Where(l => l.Pos <= start.Pos && start.End <= l.End).MaxBy(l => l.Pos);
                if (loop == null || WaitsInLoop(loop, start)) continue;
                var scan = new Scan(pass, locks, funcs, f, loop, start, reported);
                scan.Start(fun, args);
            }
        }
    }

    private static bool HasStartInLoop(Pass pass)
    {
        foreach (var file in pass.Files)
        {
            bool found = false;
            Inspector.Inspect(file.File, n =>
            {
                if (found) return false;
                if (n is GoStmt || n is CallExpr { Fun: SelectorExpr { Sel.Name: "Go" or "TryGo" } }) found = true;
                return true;
            }, comments: false);
            if (found) return true;
        }
        return false;
    }

    /// <summary>wg.Wait() or &lt;-done in the loop body after the start: one goroutine at a time.</summary>
    private static bool WaitsInLoop(Node loop, Node start)
    {
        var body = loop is ForStmt fs ? fs.Body : ((RangeStmt)loop).Body;
        foreach (var s in body.List)
        {
            if (s.Pos < start.End) continue;
            if (s is ExprStmt { X: CallExpr { Fun: SelectorExpr { Sel.Name: "Wait" } } } || s is ExprStmt { X: UnaryExpr { Op: Token.ARROW } }) return true;
        }
        return false;
    }

    private sealed class Scan(Pass pass, FuncLocks locks, PackageFuncs funcs, LockBody starter, Node loop, Node start, HashSet<Node> reported)
    {
        private readonly HashSet<BlockStmt> _visited = new(ReferenceEqualityComparer.Instance);
        private int Line => starter.File.Lines.Position(start.Pos).Line;

        public void Start(Expr fun, List<Expr> args)
        {
            var bindings = new Dictionary<Var, Var>(ReferenceEqualityComparer.Instance);
            if (GoAst.Unparen(fun) is FuncLit lit)
            {
                if (locks.BodyOf(lit.Body) is not { } body) return;
                Bind(lit.Type, args, bindings, Shared);
                Visit(body, bindings, captures: true, []);
            }
            else if (funcs.Callee(pass, fun) is { Decl: { } } callee && locks.BodyOf(callee.Body) is { } body)
            {
                Bind(callee.Type, args, bindings, Shared);
                if (bindings.Count > 0) Visit(body, bindings, captures: false, [callee.Decl.Name.Name]);
            }
        }

        /// <summary>A local of the starting code declared before the loop, never reassigned in the loop nor sent on a channel.</summary>
        private Var? Shared(Expr e)
        {
            if (GoAst.Unparen(e) is not Ident id || GoAst.ObjectOf(pass, id) is not Var { IsPackageLevel: false, IsField: false } v) return null;
            if (v.Pos >= loop.Pos || !pass.IsMap(id)) return null;
            var decl = Outermost(starter);
            if (v.Pos < decl.Pos || v.Pos >= decl.End) return null;
            return ReassignedOrHandedOver(v, decl) ? null : v;
        }

        private static Node Outermost(LockBody b) => (Node?)b.Outermost.Decl ?? b.Outermost.Body;

        /// <summary>Assigned inside the loop (per-iteration map, or a range variable assigned with =), or sent on a channel anywhere.</summary>
        private bool ReassignedOrHandedOver(Var v, Node decl)
        {
            bool found = false;
            Inspector.Inspect(decl, n =>
            {
                if (found) return false;
                bool inLoop = loop.Pos <= n.Pos && n.End <= loop.End;
                switch (n)
                {
                    case AssignStmt a when inLoop && a.Lhs.Any(l => Is(l, v)):
                    case RangeStmt r when inLoop && (r.Key is { } k && Is(k, v) || r.Value is { } val && Is(val, v)):
                    case SendStmt s when Is(s.Value, v):
                        found = true;
                        break;
                }
                return true;
            }, comments: false);
            return found;
        }

        private bool Is(Expr e, Var v) => GoAst.Unparen(e) is Ident id && ReferenceEquals(GoAst.ObjectOf(pass, id), v);

        private void Bind(FuncType type, List<Expr> args, Dictionary<Var, Var> into, Func<Expr, Var?> origin)
        {
            var names = type.Params.List.SelectMany(f => f.Names ?? []).ToList();
            for (int i = 0; i < args.Count && i < names.Count; i++)
                if (origin(args[i]) is { } o && pass.Checker.Defs.TryGetValue(names[i], out var p) && p is Var pv) into[pv] = o;
        }

        private void Visit(LockBody body, Dictionary<Var, Var> bindings, bool captures, List<string> chain)
        {
            if (!_visited.Add(body.Body) || body.AssumesLockHeld) return;
            Var? Origin(Expr e)
            {
                if (GoAst.Unparen(e) is not Ident id || GoAst.ObjectOf(pass, id) is not Var v) return null;
                if (bindings.TryGetValue(v, out var o)) return Reassigned(body, v) ? null : o;
                return captures ? Shared(id) : null;
            }

            foreach (var op in MapOperations.Under(pass.Checker, body.Body, n => n is not (FuncLit or GoStmt)))
            {
                if (!op.IsWrite || Origin(op.Map) is not { } shared || Locked(body, op.At.Pos) || !reported.Add(op.At)) continue;
                var through = chain.Count > 0 ? $" (through {string.Join(", ", chain)})" : "";
                var where = Outermost(starter) is FuncDecl fd ? fd.Name.Name : "a function literal";
                pass.Report(body.File, op.At,
                    $"map {shared.Name} (declared in {where}, outside the loop) is written with no mutex held by goroutines started in a loop on line {Line}{through}: " +
                    "concurrent writes crash the program with \"fatal error: concurrent map writes\" — guard it with a sync.Mutex, or have each goroutine send its result over a channel");
            }

            if (chain.Count >= MaxDepth) return;
            FuncBodies.InspectOwn(body.Body, n =>
            {
                if (n is GoStmt) return false;
                if (n is not CallExpr call || Locked(body, call.Pos) || funcs.Callee(pass, call.Fun) is not { Decl: { } } callee || locks.BodyOf(callee.Body) is not { } next) return true;
                var inner = new Dictionary<Var, Var>(ReferenceEqualityComparer.Instance);
                Bind(callee.Type, call.Args, inner, Origin);
                if (inner.Count > 0) Visit(next, inner, captures: false, [.. chain, callee.Decl.Name.Name]);
                return true;
            });
        }

        private bool Locked(LockBody body, int pos) => locks.HeldAt(body, pos).Count > 0 || locks.MaybeHeldAt(body, pos).Any();

        /// <summary>A parameter assigned in the callee no longer denotes the caller's map.</summary>
        private bool Reassigned(LockBody body, Var param)
        {
            bool found = false;
            Inspector.Inspect(body.Body, n =>
            {
                if (n is AssignStmt a && a.Lhs.Any(l => Is(l, param))) found = true;
                return !found;
            }, comments: false);
            return found;
        }
    }
}
