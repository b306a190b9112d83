using MapScope.Analysis.Framework;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>
/// Matches function declarations against the names in .mapscope.yml's concurrency.entry-points:
/// <c>pkg.Func</c>, <c>(pkg.Type).Method</c>, <c>(*pkg.Type).Method</c>, where pkg is the import path or the package name.
/// </summary>
internal static class ConfiguredEntryPoints
{
    /// <summary>The configured name the declaration matches, or null.</summary>
    public static string? Matches(Pass pass, FuncDecl fd, IReadOnlyList<string> configured)
    {
        foreach (var name in configured)
            if (Match(pass, fd, name)) return name;
        return null;
    }

    private static bool Match(Pass pass, FuncDecl fd, string name)
    {
        int dot = name.LastIndexOf('.');
        if (dot <= 0 || name[(dot + 1)..] != fd.Name.Name) return false;
        var qualifier = name[..dot];
        if (fd.Recv == null) return !qualifier.StartsWith('(') && IsThisPackage(pass, qualifier);
        if (!qualifier.StartsWith('(') || !qualifier.EndsWith(')')) return false;
        var recv = qualifier[1..^1];
        bool pointer = recv.StartsWith('*');
        if (pointer) recv = recv[1..];
        int tdot = recv.LastIndexOf('.');
        if (tdot <= 0 || recv[(tdot + 1)..] != PackageFuncs.RecvTypeName(fd)) return false;
        var recvExpr = fd.Recv.List.Count > 0 ? fd.Recv.List[0].Type : null;
        while (recvExpr is ParenExpr p) recvExpr = p.X;
        // (*T).M names a pointer-receiver method; (T).M a value-receiver one (whose method set both have)
        if (!pointer && recvExpr is StarExpr) return false;
        return IsThisPackage(pass, recv[..tdot]);
    }

    private static bool IsThisPackage(Pass pass, string qualifier) =>
        qualifier == pass.Package.Path || qualifier == pass.Package.Name;
}
