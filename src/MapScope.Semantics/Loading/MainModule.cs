namespace MapScope.Semantics.Loading;

/// <summary>The module the command runs in: its go.mod, root directory and whether imports come from vendor/.</summary>
public sealed record MainModule(string Root, ModFile Mod, bool VendorMode, VendorModules? Vendor)
{
    public string Path => Mod.ModulePath;

    public ModuleInfo Info => new() { Path = Mod.ModulePath, Dir = Root, GoVersion = Mod.GoVersion, Toolchain = Mod.Toolchain, Main = true };

    /// <summary>The other modules of a go.work workspace (each a main module too); empty outside a workspace.</summary>
    public IReadOnlyList<MainModule> Workspace { get; init; } = [];

    /// <summary>The go.work file in effect, or null.</summary>
    public WorkFile? Work { get; init; }

    /// <summary>The directory of <see cref="Work"/>: its use and replace paths are relative to it.</summary>
    public string? WorkDir { get; init; }

    /// <summary>
    /// Finds the main module of <paramref name="dir"/>: with a go.work (GOWORK or the nearest one above), the
    /// used module holding the directory (or the first one), with the others as <see cref="Workspace"/>;
    /// otherwise go.mod in the directory or above it. Null in GOPATH mode.
    /// </summary>
    public static MainModule? Find(string dir, GoEnvironment env)
    {
        if (env.ModulesOff) return null;
        if (WorkFile.Find(dir, n => n == "GOWORK" ? env.GoWork : null) is { } workPath && FromWorkspace(workPath, dir, env) is { } ws)
            return ws;
        for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
        {
            var gomod = System.IO.Path.Combine(d.FullName, "go.mod");
            if (File.Exists(gomod)) return Load(d.FullName, env);
        }
        return null;
    }

    private static MainModule? FromWorkspace(string workPath, string dir, GoEnvironment env)
    {
        var work = WorkFile.ParseFile(workPath);
        var root = System.IO.Path.GetDirectoryName(workPath)!;
        var modules = work.Use
            .Select(u => System.IO.Path.GetFullPath(u, root))
            .Where(d => File.Exists(System.IO.Path.Combine(d, "go.mod")))
            .Distinct(StringComparer.Ordinal)
            .Select(d => Load(d, env) with { Work = work, WorkDir = root, VendorMode = false, Vendor = null })
            .ToList();
        if (modules.Count == 0) return null;
        // The innermost used module that holds the directory is the one patterns like "." refer to.
        var main = modules.Where(m => PathUtil.IsUnder(dir, m.Root)).OrderByDescending(m => m.Root.Length).FirstOrDefault() ?? modules[0];
        return main with { Workspace = modules.Where(m => m != main).ToList() };
    }

    /// <summary>The workspace module (this one or another) whose path is the longest prefix of an import path.</summary>
    public MainModule? WorkspaceModuleFor(string importPath)
    {
        MainModule? best = PathUnder(importPath, Path) ? this : null;
        foreach (var m in Workspace)
            if (PathUnder(importPath, m.Path) && (best is null || m.Path.Length > best.Path.Length)) best = m;
        return best;
    }

    /// <summary>The workspace module (this one or another) whose root holds a directory, innermost first.</summary>
    public MainModule? WorkspaceModuleAt(string dir)
    {
        MainModule? best = PathUtil.IsUnder(dir, Root) ? this : null;
        foreach (var m in Workspace)
            if (PathUtil.IsUnder(dir, m.Root) && (best is null || m.Root.Length > best.Root.Length)) best = m;
        return best;
    }

    public static MainModule Load(string root, GoEnvironment env)
    {
        var mod = ModFileParser.ParseFile(System.IO.Path.Combine(root, "go.mod"));
        var vendorDir = System.IO.Path.Combine(root, "vendor");
        // Since Go 1.14 a vendor directory is used by default when go.mod says go 1.14 or later.
        bool vendorMode = env.ModFlag switch
        {
            "vendor" => true,
            "mod" or "readonly" => false,
            _ => Directory.Exists(vendorDir) && (mod.GoMinor ?? 0) >= 14,
        };
        return new MainModule(root, mod, vendorMode, vendorMode ? VendorModules.ReadIfExists(vendorDir) : null);
    }

    /// <summary>The requirement whose module path is the longest prefix of an import path.</summary>
    public ModRequire? RequirementFor(string importPath)
    {
        ModRequire? best = null;
        // A workspace's build list joins the requirements of all its modules.
        foreach (var r in Workspace.SelectMany(m => m.Mod.Requires).Concat(Mod.Requires))
            if (PathUnder(importPath, r.Path) && (best is null || r.Path.Length >= best.Path.Length)) best = r;
        return best;
    }

    /// <summary>Whether <paramref name="path"/> equals <paramref name="prefix"/> or lies below it.</summary>
    public static bool PathUnder(string path, string prefix) =>
        path == prefix || (path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal) && path[prefix.Length] == '/');
}
