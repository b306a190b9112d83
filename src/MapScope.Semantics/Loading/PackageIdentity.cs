namespace MapScope.Semantics.Loading;

/// <summary>The import path the go command gives a directory named on the command line (or found by a "..." walk).</summary>
public static class PackageIdentity
{
    public static ResolvedPackage Of(string dir, GoEnvironment env, MainModule? main, GopathRepo? repo)
    {
        dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        if (env.GoRoot != null && PathUtil.IsUnder(dir, Path.Combine(env.GoRoot, "src")))
            return new ResolvedPackage(PathUtil.Relative(Path.Combine(env.GoRoot, "src"), dir), dir, true, null);
        if (main?.WorkspaceModuleAt(dir) is { } own)
        {
            main = own;
            var rel = PathUtil.Relative(main.Root, dir);
            if (main.VendorMode && rel.StartsWith("vendor/", StringComparison.Ordinal))
            {
                var path = rel["vendor/".Length..];
                var vm = main.Vendor?.ModuleOf(path);
                return new ResolvedPackage(path, dir, false, vm is null ? null : new ModuleInfo { Path = vm.Path, Version = vm.Version, GoVersion = vm.GoVersion });
            }
            return new ResolvedPackage(rel.Length == 0 ? main.Path : main.Path + "/" + rel, dir, false, main.Info);
        }
        if (repo != null && PathUtil.IsUnder(dir, repo.Root)) return new ResolvedPackage(repo.PathOf(dir), dir, false, null);
        return new ResolvedPackage("_" + PathUtil.Slash(dir), dir, false, null);
    }
}
