using MapScope.Analysis.Rules.Shared;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.SyncMapCheckThenAct;

/// <summary>
/// Code that runs during package initialization, on the one goroutine that initializes packages: an `init`
/// function (and literals inside it), and a function literal called in a package-level variable's initializer
/// (`var table = func() T { ... }()`), and registration functions that generated code calls from its init.
/// Registration there cannot race.
/// </summary>
internal static class InitTime
{
    /// <summary>
    /// A registration function for generated code and init functions of other packages: a package-level
    /// Register…/MustRegister… that panics on a duplicate (`if _, ok := cache.Load(s); ok { panic("duplicate") }`),
    /// as protobuf's RegisterEnum and RegisterType are. It runs during initialization, one registration at a time.
    /// </summary>
    private static bool IsRegistration(FuncDecl fd)
    {
        var name = fd.Name.Name;
        if (fd.Recv != null || fd.Body == null || !(name.StartsWith("Register", StringComparison.Ordinal) || name.StartsWith("MustRegister", StringComparison.Ordinal))) return false;
        bool panics = false;
        Inspector.Inspect(fd.Body, n =>
        {
            if (n is CallExpr { Fun: var f } && GoAst.CalleeName(f) is "panic" or "Fatal" or "Fatalf" or "Panicf")
                panics = true;
            return !panics;
        }, comments: false);
        return panics;
    }

    public static bool Runs(Decl decl, FuncBody fn)
    {
        if (decl is FuncDecl { Recv: null, Name.Name: "init" }) return true;
        if (decl is FuncDecl fd && IsRegistration(fd)) return true;
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
