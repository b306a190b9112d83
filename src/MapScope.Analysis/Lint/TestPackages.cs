using MapScope.Semantics.Loading;

namespace MapScope.Analysis.Lint;

/// <summary>
/// The packages `go vet` checks when tests are included: a package with in-package _test.go files is checked
/// as one package with them (its "p [p.test]" variant), and the external test package (package p_test) as a
/// separate package "p_test" that imports p. The variant replaces p in the program, so the external tests
/// see p's test-only declarations (export_test.go), as they do in the go command. Unlike the go command,
/// packages that p's tests import see this variant too; where that closes an import cycle the importer's
/// view of p is unknown, which only ever removes findings.
/// </summary>
public static class TestPackages
{
    public static (IReadOnlyList<GoPackage> Universe, IReadOnlyList<GoPackage> Targets) With(IReadOnlyList<GoPackage> universe, IReadOnlyList<GoPackage> targets)
    {
        var variants = new Dictionary<string, GoPackage>(StringComparer.Ordinal);
        var xtests = new List<GoPackage>();
        foreach (var p in targets)
        {
            if (p.TestGoFiles.Count > 0)
                variants[p.ImportPath] = p with
                {
                    GoFiles = [.. p.GoFiles.Concat(p.TestGoFiles).Order(StringComparer.Ordinal)],
                    Imports = [.. p.Imports.Union(p.TestImports, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                };
            if (p.XTestGoFiles.Count > 0)
                xtests.Add(new GoPackage
                {
                    ImportPath = p.ImportPath + "_test",
                    Name = p.Name + "_test",
                    Dir = p.Dir,
                    GoFiles = p.XTestGoFiles,
                    Imports = p.XTestImports,
                    ImportMap = p.ImportMap,
                    UnresolvedImports = p.UnresolvedImports,
                    Module = p.Module,
                    Standard = p.Standard,
                    GoVersion = p.GoVersion,
                });
        }
        // The variant keeps its package's place; external tests come last so that a directory still maps to p.
        var all = universe.Select(p => variants.GetValueOrDefault(p.ImportPath) ?? p).Concat(xtests).ToList();
        var checkedTargets = targets.Select(p => variants.GetValueOrDefault(p.ImportPath) ?? p).Concat(xtests)
            .Where(p => p.GoFiles.Count > 0)
            .OrderBy(p => p.ImportPath, StringComparer.Ordinal)
            .ToList();
        return (all, checkedTargets);
    }

    /// <summary>The same packages without their test files (--tests=false).</summary>
    public static GoPackage WithoutTests(GoPackage p) =>
        p.TestGoFiles.Count + p.XTestGoFiles.Count == 0 ? p : p with
        {
            TestGoFiles = [], XTestGoFiles = [], TestImports = [], XTestImports = [],
            UnresolvedImports = [.. p.UnresolvedImports.Where(i => p.Imports.Contains(i))],
        };
}
