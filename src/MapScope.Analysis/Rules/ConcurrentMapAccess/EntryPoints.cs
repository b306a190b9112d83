using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>Code that runs on several goroutines: HTTP handlers, and functions started with `go`.</summary>
/// <summary>For a goroutine, StartedAt is the `go` statement (code before it in the same function runs first).</summary>
internal sealed record Entry(FuncBody Body, bool IsHandler, string Description, bool RunsManyTimes, GoStmt? StartedAt = null);

internal static class EntryPoints
{
    public static List<Entry> Find(Pass pass, PackageFuncs funcs)
    {
        var entries = new List<Entry>();
        foreach (var fn in FuncBodies.All(pass.Files))
        {
            if (IsHandlerSignature(pass, fn.Type))
                entries.Add(new Entry(fn, true, $"an HTTP handler ({Name(fn)}), which net/http runs on many goroutines at once", true));
        }
        foreach (var file in pass.Files)
        {
            var loops = new List<Node>();
            Inspector.Inspect(file.File, n =>
            {
                if (n is ForStmt or RangeStmt) loops.Add(n);
                if (n is GoStmt g)
                {
                    bool inLoop = loops.Any(l => l.Pos <= g.Pos && g.End <= l.End);
                    var line = file.Lines.Position(g.Pos).Line;
                    FuncBody? target = GoAst.Unparen(g.Call.Fun) switch
                    {
                        FuncLit fl => new FuncBody(file, fl.Type, fl.Body, null),
                        var f => funcs.Callee(pass, f),
                    };
                    if (target != null && !IsHandlerSignature(pass, target.Type))
                        entries.Add(new Entry(target, false, $"a goroutine started on line {line}{(inLoop ? " in a loop" : "")}", inLoop, g));
                }
                return true;
            }, comments: false);
        }
        return entries;
    }

    private static string Name(FuncBody fn) => fn.Decl?.Name.Name ?? "a function literal";

    /// <summary>func(http.ResponseWriter, *http.Request).</summary>
    public static bool IsHandlerSignature(Pass pass, FuncType type)
    {
        var ps = type.Params.List;
        if (type.Params.NumFields() != 2 || ps.Count == 0) return false;
        var types = new List<Semantics.Types.Type>();
        foreach (var f in ps)
        {
            if (f.Names is not { Count: > 0 } names) return false;
            foreach (var n in names)
                if (pass.Checker.Defs.TryGetValue(n, out var o) && o is Var v) types.Add(v.Type);
        }
        return types.Count == 2
            && types[0] is Named { Obj: { Name: "ResponseWriter", Pkg.Path: "net/http" } }
            && types[1] is Pointer { Elem: Named { Obj: { Name: "Request", Pkg.Path: "net/http" } } };
    }
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

    private static string? RecvTypeName(FuncDecl fd)
    {
        var t = fd.Recv!.List.Count > 0 ? fd.Recv.List[0].Type : null;
        while (t is StarExpr or ParenExpr) t = t is StarExpr s ? s.X : ((ParenExpr)t).X;
        if (t is IndexExpr ix) t = ix.X;
        if (t is IndexListExpr il) t = il.X;
        return (t as Ident)?.Name;
    }
}
