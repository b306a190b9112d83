namespace MapScope.Semantics.Loading;

/// <summary>
/// Finds the directory of an import: the standard library in GOROOT/src (std's own imports of golang.org/x
/// come from GOROOT/src/vendor), then — in module mode — the main module, vendor/ or the module cache as
/// go.mod's requirements and replacements say; in GOPATH mode vendor/ folders from the importer upwards,
/// the repository itself (by its inferred path) and GOPATH/src.
/// </summary>
public sealed class ImportResolver(GoEnvironment env, MainModule? main, GopathRepo? repo)
{
    private readonly string? _gorootSrc = env.GoRoot is null ? null : Path.Combine(env.GoRoot, "src");

    public GopathRepo? Repo => repo;
    public MainModule? Main => main;

    /// <summary>Resolves <paramref name="path"/> as imported by the package in <paramref name="importerDir"/>; null when it cannot be found.</summary>
    public ResolvedPackage? Resolve(string path, string importerDir, bool importerIsStandard)
    {
        if (path == "C" || path.Length == 0 || path.StartsWith('.') || Path.IsPathRooted(path)) return null;
        bool stdLike = !FirstElement(path).Contains('.');
        if (importerIsStandard && !stdLike && _gorootSrc != null)
            return Existing("vendor/" + path, Path.Combine(_gorootSrc, "vendor", Native(path)), standard: true, null);
        if (!importerIsStandard && repo != null && FindInVendorTrees(path, importerDir) is { } vendored) return vendored;
        if (stdLike && _gorootSrc != null && Existing(path, Path.Combine(_gorootSrc, Native(path)), standard: true, null) is { } std) return std;
        return main != null ? ResolveInModule(path) : ResolveInGopath(path);
    }

    private ResolvedPackage? ResolveInModule(string path)
    {
        if (main!.WorkspaceModuleFor(path) is { } own)
            return Existing(path, Path.Combine(own.Root, Native(path[own.Path.Length..].TrimStart('/'))), false, own.Info);
        if (main.VendorMode)
        {
            var vm = main.Vendor?.ModuleOf(path);
            var info = vm is null ? null : new ModuleInfo { Path = vm.Path, Version = vm.Version, GoVersion = vm.GoVersion };
            return Existing(path, Path.Combine(main.Root, "vendor", Native(path)), false, info);
        }
        if (main.RequirementFor(path) is not { } req) return null;
        var rest = Native(path[req.Path.Length..].TrimStart('/'));
        var module = new ModuleInfo { Path = req.Path, Version = req.Version };
        string moduleDir;
        if (FindReplace(req.Path, req.Version) is var (rep, baseDir))
        {
            moduleDir = rep.IsLocalDirectory
                ? Path.GetFullPath(Path.Combine(baseDir, rep.NewPath))
                : ModuleCache.Dir(env.ModCache, rep.NewPath, rep.NewVersion!);
            module = module with { Replace = new ModuleInfo { Path = rep.NewPath, Version = rep.NewVersion, Dir = moduleDir } };
        }
        else moduleDir = ModuleCache.Dir(env.ModCache, req.Path, req.Version);
        var found = Existing(path, Path.Combine(moduleDir, rest), false, module with { Dir = moduleDir, GoVersion = GoLineOf(moduleDir) });
        // Not downloaded, but copied into vendor/ (a module older than go 1.14 vendors without -mod=vendor being the default).
        return found ?? (Directory.Exists(moduleDir) ? null : Existing(path, Path.Combine(main.Root, "vendor", Native(path)), false, module));
    }

    /// <summary>go.work's replacements override the module's own; local paths are relative to the file that says them.</summary>
    private (ModReplace Replace, string BaseDir)? FindReplace(string path, string version)
    {
        if (main!.Work is { } work && main.WorkDir is { } workDir)
        {
            var fromWork = work.Replaces.FirstOrDefault(r => r.OldPath == path && r.OldVersion == version)
                ?? work.Replaces.FirstOrDefault(r => r.OldPath == path && r.OldVersion == null);
            if (fromWork != null) return (fromWork, workDir);
        }
        return main.Mod.FindReplace(path, version) is { } own ? (own, main.Root) : null;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _goLines = new(StringComparer.Ordinal);

    /// <summary>The go line of a dependency's go.mod (its language version); null when it has none or is not downloaded.</summary>
    private string? GoLineOf(string moduleDir) => _goLines.GetOrAdd(moduleDir, d =>
    {
        var gomod = Path.Combine(d, "go.mod");
        try
        {
            return File.Exists(gomod) ? ModFileParser.ParseFile(gomod).GoVersion : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });

    private ResolvedPackage? ResolveInGopath(string path)
    {
        if (repo?.DirOf(path) is { } dir && Existing(path, dir, false, null) is { } own) return own;
        foreach (var gp in env.GoPath)
            if (Existing(path, Path.Combine(gp, "src", Native(path)), false, null) is { } found) return found;
        return null;
    }

    /// <summary>GOPATH-style vendoring: the nearest vendor/PATH from the importer up to the repository root.</summary>
    private ResolvedPackage? FindInVendorTrees(string path, string importerDir)
    {
        for (var d = new DirectoryInfo(importerDir); d != null && PathUtil.IsUnder(d.FullName, repo!.Root); d = d.Parent)
        {
            if (d.Name == "vendor") continue; // vendor/vendor is not a vendor tree
            var candidate = Path.Combine(d.FullName, "vendor", Native(path));
            if (Directory.Exists(candidate)) return new ResolvedPackage(repo.PathOf(candidate), candidate, false, null);
        }
        return null;
    }

    private static ResolvedPackage? Existing(string importPath, string dir, bool standard, ModuleInfo? module) =>
        Directory.Exists(dir) ? new ResolvedPackage(importPath, dir, standard, module) : null;

    private static string FirstElement(string path) => path.Split('/', 2)[0];

    private static string Native(string path) => path.Replace('/', Path.DirectorySeparatorChar);
}
