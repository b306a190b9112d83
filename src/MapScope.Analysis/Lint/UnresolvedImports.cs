using MapScope.Semantics.Loading;

namespace MapScope.Analysis.Lint;

/// <summary>
/// One line for all imports that could not be resolved (modules that are not downloaded, mostly), instead of
/// one warning per import: "37 imports of 12 modules could not be resolved (not downloaded); their types are
/// unknown". A module is the go.mod requirement the import falls under; without one, the import path itself.
/// </summary>
public static class UnresolvedImports
{
    public static string? Summarize(IEnumerable<GoPackage> targets)
    {
        var imports = new SortedSet<string>(StringComparer.Ordinal);
        var modules = new HashSet<string>(StringComparer.Ordinal);
        var requirements = new Dictionary<string, ModFile?>(StringComparer.Ordinal);
        foreach (var p in targets)
            foreach (var i in p.UnresolvedImports)
            {
                if (!imports.Add(i)) continue;
                modules.Add(ModuleOf(i, p, requirements));
            }
        if (imports.Count == 0) return null;
        bool allModules = imports.All(i => i.Split('/')[0].Contains('.'));
        return $"note: {imports.Count} import{(imports.Count == 1 ? "" : "s")} of {modules.Count} module{(modules.Count == 1 ? "" : "s")} could not be resolved"
            + (allModules ? " (not downloaded)" : "") + "; their types are unknown";
    }

    private static string ModuleOf(string importPath, GoPackage importer, Dictionary<string, ModFile?> requirements)
    {
        // The importer's main module's go.mod says which required module provides the import.
        var root = importer.Module is { Main: true, Dir: { } dir } ? dir : null;
        if (root != null)
        {
            if (!requirements.TryGetValue(root, out var mod))
            {
                var gomod = Path.Combine(root, "go.mod");
                try
                {
                    mod = File.Exists(gomod) ? ModFileParser.ParseFile(gomod) : null;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    mod = null;
                }
                requirements[root] = mod;
            }
            string? best = null;
            foreach (var r in mod?.Requires ?? [])
                if (MainModule.PathUnder(importPath, r.Path) && (best is null || r.Path.Length > best.Length)) best = r.Path;
            if (best != null) return best;
        }
        return importPath;
    }
}
