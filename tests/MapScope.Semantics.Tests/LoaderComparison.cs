using MapScope.Semantics.Loading;

namespace MapScope.Semantics.Tests;

/// <summary>Differences between two loaders' answers: package sets, and per package Dir, Name, files (tests too), imports, language version.</summary>
internal sealed record LoaderComparison(int Packages, int Files, IReadOnlyList<string> Mismatches)
{
    public static LoaderComparison Compare(LoadResult expected, LoadResult actual)
    {
        var mismatches = new List<string>();
        var exp = expected.Packages.ToDictionary(p => p.ImportPath, StringComparer.Ordinal);
        var act = actual.Packages.ToDictionary(p => p.ImportPath, StringComparer.Ordinal);
        foreach (var path in exp.Keys.Except(act.Keys)) mismatches.Add($"{path}: only in go list");
        foreach (var path in act.Keys.Except(exp.Keys)) mismatches.Add($"{path}: only in the directory loader");
        int files = 0;
        foreach (var (path, e) in exp)
        {
            if (!act.TryGetValue(path, out var a)) continue;
            files += e.GoFiles.Count + e.TestGoFiles.Count + e.XTestGoFiles.Count;
            if (e.Dir != a.Dir) mismatches.Add($"{path}: Dir {e.Dir} vs {a.Dir}");
            if (e.Name != a.Name) mismatches.Add($"{path}: Name {e.Name} vs {a.Name}");
            Diff(path, "GoFiles", e.GoFiles, a.GoFiles, mismatches);
            Diff(path, "CgoFiles", e.CgoFiles, a.CgoFiles, mismatches);
            Diff(path, "TestGoFiles", e.TestGoFiles, a.TestGoFiles, mismatches);
            Diff(path, "XTestGoFiles", e.XTestGoFiles, a.XTestGoFiles, mismatches);
            Diff(path, "Imports", e.Imports, a.Imports, mismatches);
            Diff(path, "TestImports", e.TestImports, a.TestImports, mismatches);
            Diff(path, "XTestImports", e.XTestImports, a.XTestImports, mismatches);
            if (e.DepOnly != a.DepOnly) mismatches.Add($"{path}: DepOnly {e.DepOnly} vs {a.DepOnly}");
            if (e.GoVersion != a.GoVersion) mismatches.Add($"{path}: GoVersion {e.GoVersion} vs {a.GoVersion}");
            Diff(path, "ImportMap", e.ImportMap.Select(kv => kv.Key + "=>" + kv.Value).ToList(), a.ImportMap.Select(kv => kv.Key + "=>" + kv.Value).ToList(), mismatches);
            if (e.Standard != a.Standard) mismatches.Add($"{path}: Standard {e.Standard} vs {a.Standard}");
            if (e.Module?.Path != a.Module?.Path) mismatches.Add($"{path}: Module {e.Module?.Path} vs {a.Module?.Path}");
        }
        return new LoaderComparison(exp.Count, files, mismatches);
    }

    private static void Diff(string path, string what, IReadOnlyList<string> e, IReadOnlyList<string> a, List<string> mismatches)
    {
        var missing = e.Except(a).ToList();
        var extra = a.Except(e).ToList();
        if (missing.Count + extra.Count == 0) return;
        mismatches.Add($"{path}: {what} missing [{string.Join(' ', missing)}] extra [{string.Join(' ', extra)}]");
    }
}
