namespace MapScope.Semantics.Loading;

/// <summary>The module the command runs in: its go.mod, root directory and whether imports come from vendor/.</summary>
public sealed record MainModule(string Root, ModFile Mod, bool VendorMode, VendorModules? Vendor)
{
    public string Path => Mod.ModulePath;

    public ModuleInfo Info => new() { Path = Mod.ModulePath, Dir = Root, GoVersion = Mod.GoVersion, Main = true };

    /// <summary>Finds go.mod in <paramref name="dir"/> or above it; null in GOPATH mode.</summary>
    public static MainModule? Find(string dir, GoEnvironment env)
    {
        if (env.ModulesOff) return null;
        for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
        {
            var gomod = System.IO.Path.Combine(d.FullName, "go.mod");
            if (File.Exists(gomod)) return Load(d.FullName, env);
        }
        return null;
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
        foreach (var r in Mod.Requires)
            if (PathUnder(importPath, r.Path) && (best is null || r.Path.Length > best.Path.Length)) best = r;
        return best;
    }

    /// <summary>Whether <paramref name="path"/> equals <paramref name="prefix"/> or lies below it.</summary>
    public static bool PathUnder(string path, string prefix) =>
        path == prefix || (path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal) && path[prefix.Length] == '/');
}
