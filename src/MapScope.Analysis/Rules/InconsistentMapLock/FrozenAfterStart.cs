using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.InconsistentMapLock;

/// <summary>
/// A registration phase: every write of the map is in a function that refuses to run once the value has started
/// (`if s.serve { logger.Fatalf("RegisterService after Serve") }`, checked under the guard). The reads that run
/// after the start need no lock — the map no longer changes — so unguarded reads are not races (grpc-go's
/// services map).
/// </summary>
internal static class FrozenAfterStart
{
    public static bool AllWritesRefuseAfterStart(Pass pass, IEnumerable<GuardedAccess> writes)
    {
        bool any = false;
        foreach (var w in writes)
        {
            any = true;
            if (!RefusesOnFlag(pass, w.Body.Outermost.Body, w.Map.Root)) return false;
        }
        return any;
    }

    private static bool RefusesOnFlag(Pass pass, BlockStmt body, Var root)
    {
        bool found = false;
        Inspector.Inspect(body, n =>
        {
            if (found || n is FuncLit) return false;
            if (n is IfStmt { Cond: var cond, Body.List: [.., var last] } && IsFlag(pass, cond, root) && Ends(last)) found = true;
            return true;
        }, comments: false);
        return found;
    }

    /// <summary>s.serve, s.started, s.frozen: a bool field of the map's owner.</summary>
    private static bool IsFlag(Pass pass, Expr cond, Var root) =>
        GoAst.Unparen(cond) is SelectorExpr sel && pass.TypeOf(sel).Underlying is Basic { Kind: BasicKind.Bool }
        && LockRefs.Of(pass, sel) is { } r && ReferenceEquals(r.Root, root);

    private static bool Ends(Stmt last) => last switch
    {
        ReturnStmt => true,
        ExprStmt { X: CallExpr { Fun: var f } } => GoAst.CalleeName(f) is var name
            && (name == "panic" || name.StartsWith("Fatal", StringComparison.Ordinal) || name.StartsWith("Panic", StringComparison.Ordinal)),
        _ => false,
    };
}
