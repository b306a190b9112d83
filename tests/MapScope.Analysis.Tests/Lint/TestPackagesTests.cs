using MapScope.Analysis.Lint;
using MapScope.Analysis.Tests.Harness;
using MapScope.Semantics.Loading;
using MapScope.TestSupport;

namespace MapScope.Analysis.Tests.Lint;

/// <summary>Test files in a lint run: the package with its in-package tests, the external test package beside it, --tests=false.</summary>
public sealed class TestPackagesTests : IDisposable
{
    private readonly TempModule _module = new(new()
    {
        ["p/p.go"] = "package p\n\nvar cache = map[string]int{}\n\nfunc Get(k string) int { return cache[k] }\n",
        // export_test.go hands the unexported map to the external tests, as std does.
        ["p/export_test.go"] = "package p\n\nvar Cache = cache\n",
        ["p/p_test.go"] = "package p_test\n\nimport \"example.com/testdata/p\"\n\nfunc seed() {\n\tp.Cache[\"a\"] = 1\n}\n",
        ["p/in_test.go"] = "package p\n\nfunc reset() {\n\tcache[\"b\"] = 0\n}\n",
    });

    public void Dispose() => _module.Dispose();

    private LintResult Run(bool tests) => LintRunner.Run(new LintOptions
    {
        WorkingDirectory = _module.Dir,
        Loader = LoaderKind.Directory,
        Analyzers = [new MapWriteAnalyzer()],
        Tests = tests,
    });

    [SkippableFact]
    public void ExternalTestsSeeTestOnlyDeclarationsOfTheirPackage()
    {
        GoToolchain.RequireGoRootSrc();
        var result = Run(tests: true);
        // p.Cache is declared in export_test.go: its type is known only through the test variant of p.
        Assert.Equal(["p/in_test.go:4:2", "p/p_test.go:6:2"], result.Diagnostics.Select(d => $"{d.File}:{d.Line}:{d.Column}"));
        Assert.Equal(2, result.Packages); // p with its tests, and p_test
        Assert.Empty(result.Warnings);
    }

    [SkippableFact]
    public void TestsOffLintsOnlyThePackage()
    {
        GoToolchain.RequireGoRootSrc();
        var result = Run(tests: false);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.Packages);
    }

    [Fact]
    public void VariantsReplaceTheirPackageAndExternalTestsComeLast()
    {
        var p = new GoPackage
        {
            ImportPath = "x/p", Dir = "/m/p", Name = "p", GoFiles = ["p.go"], TestGoFiles = ["a_test.go"], XTestGoFiles = ["b_test.go"],
            Imports = ["fmt"], TestImports = ["testing"], XTestImports = ["x/p"], GoVersion = "1.22",
        };
        var q = new GoPackage { ImportPath = "x/q", Dir = "/m/q", GoFiles = ["q.go"], DepOnly = true };
        var (universe, targets) = TestPackages.With([p, q], [p]);
        Assert.Equal(["x/p", "x/q", "x/p_test"], universe.Select(u => u.ImportPath));
        Assert.Equal(["a_test.go", "p.go"], universe[0].GoFiles);
        Assert.Equal(["fmt", "testing"], universe[0].Imports);
        Assert.Equal(["x/p", "x/p_test"], targets.Select(t => t.ImportPath));
        var xtest = targets[1];
        Assert.Equal(("p_test", "/m/p", "1.22"), (xtest.Name, xtest.Dir, xtest.GoVersion));
        Assert.Equal(["b_test.go"], xtest.GoFiles);
    }

    [Fact]
    public void UnresolvedImportsAreOneNote()
    {
        var root = Directory.CreateTempSubdirectory("mapscope-unresolved-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "go.mod"), "module x\n\ngo 1.22\n\nrequire (\n\tgithub.com/a/a v1.0.0\n\tgithub.com/b/b v1.0.0\n)\n");
            var main = new ModuleInfo { Path = "x", Dir = root, Main = true };
            GoPackage Pkg(string path, params string[] unresolved) => new() { ImportPath = path, Dir = root, Module = main, UnresolvedImports = unresolved };
            var note = UnresolvedImports.Summarize([
                Pkg("x/one", "github.com/a/a", "github.com/a/a/sub", "github.com/b/b/v"),
                Pkg("x/two", "github.com/a/a", "github.com/c/c"),
                Pkg("x/three"),
            ]);
            Assert.Equal("note: 4 imports of 3 modules could not be resolved (not downloaded); their types are unknown", note);
            Assert.Null(UnresolvedImports.Summarize([Pkg("x/clean")]));
            Assert.Equal("note: 1 import of 1 module could not be resolved; their types are unknown", UnresolvedImports.Summarize([Pkg("x/std", "notstd/pkg")]));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
