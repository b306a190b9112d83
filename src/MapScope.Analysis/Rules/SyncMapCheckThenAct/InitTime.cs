using MapScope.Analysis.Rules.Shared;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.SyncMapCheckThenAct;

/// <summary>
/// Code that runs during package initialization, on the one goroutine that initializes packages: an `init`
/// function (and literals inside it), and a function literal called in a package-level variable's initializer
/// (`var table = func() T { ... }()`). Registration there cannot race.
/// </summary>
internal static class InitTime
{
    public static bool Runs(Decl decl, FuncBody fn)
    {
        if (decl is FuncDecl { Recv: null, Name.Name: "init" }) return true;
        if (decl is not GenDecl gen) return false;
        // the outermost literal of the initializer must be called right there, not stored to be called later
        var parents = new Parents(gen);
        Node? outermost = null;
        for (Node? p = fn.Body; p != null; p = parents.Of(p))
            if (p is FuncLit) outermost = p;
        return outermost != null && parents.Of(outermost) is var parent
            && (parent is CallExpr call && ReferenceEquals(GoAst.Unparen(call.Fun), outermost)
                || parent is ParenExpr pe && parents.Of(pe) is CallExpr pc && ReferenceEquals(GoAst.Unparen(pc.Fun), outermost));
    }
}
