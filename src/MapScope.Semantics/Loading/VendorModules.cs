namespace MapScope.Semantics.Loading;

/// <summary>One module listed in vendor/modules.txt, with the packages copied from it.</summary>
public sealed record VendoredModule(string Path, string Version, ModReplace? Replace, bool Explicit, string? GoVersion, IReadOnlyList<string> Packages);

/// <summary>
/// vendor/modules.txt: <c># path version [=> new [version]]</c> starts a module, <c>## explicit; go 1.17</c>
/// annotates it, and the following plain lines are the module's vendored packages.
/// </summary>
public sealed class VendorModules
{
    private readonly Dictionary<string, VendoredModule> _byPackage = new(StringComparer.Ordinal);

    public IReadOnlyList<VendoredModule> Modules { get; }

    private VendorModules(List<VendoredModule> modules)
    {
        Modules = modules;
        foreach (var m in modules)
            foreach (var p in m.Packages) _byPackage.TryAdd(p, m);
    }

    /// <summary>The module a vendored package came from, or null when modules.txt does not list the package.</summary>
    public VendoredModule? ModuleOf(string packagePath) => _byPackage.GetValueOrDefault(packagePath);

    public static VendorModules? ReadIfExists(string vendorDir)
    {
        var path = System.IO.Path.Combine(vendorDir, "modules.txt");
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : null;
    }

    public static VendorModules Parse(string text)
    {
        var modules = new List<VendoredModule>();
        VendoredModule? current = null;
        var packages = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal) || line == "##")
            {
                if (current is null) continue;
                foreach (var part in line[2..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (part == "explicit") current = current with { Explicit = true };
                    else if (part.StartsWith("go ", StringComparison.Ordinal)) current = current with { GoVersion = part[3..].Trim() };
                }
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                Flush();
                var f = line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length == 0) continue;
                int arrow = Array.IndexOf(f, "=>");
                string version = arrow == 1 || f.Length < 2 ? "" : f[1];
                ModReplace? replace = null;
                if (arrow > 0 && arrow + 1 < f.Length)
                    replace = new ModReplace(f[0], arrow == 2 ? f[1] : null, f[arrow + 1], arrow + 2 < f.Length ? f[arrow + 2] : null);
                current = new VendoredModule(f[0], version, replace, false, null, []);
            }
            else if (line.Length > 0 && current != null) packages.Add(line);
        }
        Flush();
        return new VendorModules(modules);

        void Flush()
        {
            if (current != null) modules.Add(current with { Packages = packages.ToArray() });
            current = null;
            packages.Clear();
        }
    }
}
