using MapScope.Analysis.Framework;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>Where each package-level variable is used: the function declaration and position of every use.</summary>
internal sealed class PackageVarUses
{
    private readonly Dictionary<Var, List<(FuncDecl Decl, int Pos)>> _uses = new(ReferenceEqualityComparer.Instance);

    public PackageVarUses(Pass pass)
    {
        foreach (var file in pass.Files)
        {
            foreach (var fd in file.File.Decls.OfType<FuncDecl>())
            {
                if (fd.Body == null || fd.Recv == null && fd.Name.Name == "init") continue; // init runs before any goroutine
                Inspector.Inspect(fd.Body, n =>
                {
                    if (n is Ident id && pass.Checker.Uses.TryGetValue(id, out var o) && o is Var { IsPackageLevel: true } v)
                    {
                        if (!_uses.TryGetValue(v, out var list)) _uses[v] = list = [];
                        list.Add((fd, id.Pos));
                    }
                    return true;
                }, comments: false);
            }
        }
    }

    /// <summary>
    /// Whether v is used by code outside what a goroutine runs: in a function it does not reach, or in the
    /// function that starts it, after the `go` statement (or other starting call).
    /// </summary>
    public bool UsedOutside(Var v, IEnumerable<Shared.FuncBody> reachable, Node? startedAt)
    {
        if (!_uses.TryGetValue(v, out var list)) return false;
        var bodies = reachable as IReadOnlyCollection<Shared.FuncBody> ?? [.. reachable];
        foreach (var (decl, pos) in list)
        {
            bool inGoroutine = bodies.Any(b => b.Body.Pos <= pos && pos < b.Body.End);
            if (inGoroutine) continue;
            if (startedAt != null && decl.Pos <= startedAt.Pos && startedAt.End <= decl.End && pos < startedAt.Pos) continue;
            return true;
        }
        return false;
    }
}
