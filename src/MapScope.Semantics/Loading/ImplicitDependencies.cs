namespace MapScope.Semantics.Loading;

/// <summary>
/// Packages the go command adds to a package's dependencies without an import in the source: cgo's generated
/// code needs unsafe, runtime/cgo and syscall; every program links runtime (and math on arm, for soft float).
/// They matter for -deps closures only, never for Imports.
/// </summary>
public static class ImplicitDependencies
{
    public static IEnumerable<string> Of(GoPackage p, BuildContext ctx)
    {
        if (p.CgoFiles.Count > 0)
        {
            yield return "unsafe";
            if (!(p.Standard && p.ImportPath == "runtime/cgo")) yield return "runtime/cgo";
            if (!(p.Standard && p.ImportPath is "runtime/cgo" or "runtime/race" or "runtime/msan" or "runtime/asan")) yield return "syscall";
        }
        if (p.Name == "main")
        {
            yield return "runtime";
            if (ctx.GoArch == "arm") yield return "math";
        }
    }
}
