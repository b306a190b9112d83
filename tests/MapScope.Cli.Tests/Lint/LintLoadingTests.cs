using MapScope.Analysis.Framework;
using MapScope.TestSupport;

namespace MapScope.Cli.Tests.Lint;

/// <summary>
/// `mapscope lint` on modules of today's Go, end to end with the default loader and the go on PATH: go lines
/// newer than the local go, toolchain lines, dependencies that are not downloaded, go.work, files named on the
/// command line, _test.go files, build tags, and a working directory reached through a symlink.
/// </summary>
public sealed class LintLoadingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mapscope-loading-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly IReadOnlyList<Analyzer> _rules = [new MapIndexWriteAnalyzer()];
    private const string Fallback = "; loaded packages from the directory tree instead";

    public void Dispose() => Directory.Delete(_root, true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private CliRun Lint(string dir, params string[] args)
    {
        GoToolchain.Require();
        GoToolchain.RequireGoRootSrc();
        using (LintRules.Use(_rules))
            return CliRun.In(Path.Combine(_root, dir), null, ["lint", .. args]);
    }

    private const string Store = "package store\n\nvar byID = map[int]string{}\n\nfunc Put(id int, s string) {\n\tbyID[id] = s\n}\n";

    [SkippableFact]
    public void NewerGoLineFallsBackWithOneLineAndStillFindsBugs()
    {
        Write("m/go.mod", "module example.com/m\n\ngo 1.26.3\n\ntoolchain go1.26.3\n");
        Write("m/store/store.go", Store);
        var run = Lint("m");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["store/store.go:6:2: write to map byID (test-map-write)"], run.OutLines);
        var line = Assert.Single(run.Messages);
        Assert.StartsWith("mapscope: go list failed (go: ", line);
        Assert.EndsWith(Fallback, line);
        // go's whole message, not its first line: both releases name the version they refuse.
        Assert.Contains("1.26.3", line);
    }

    [SkippableFact]
    public void NewerGoLineOnACleanModuleExitsZero()
    {
        Write("m/go.mod", "module example.com/m\n\ngo 1.26.3\n");
        Write("m/clean/clean.go", "package clean\n\nfunc Get(m map[int]string) string { return m[1] }\n");
        var run = Lint("m", "./...");
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith(Fallback, Assert.Single(run.Messages));
    }

    [SkippableFact]
    public void LoaderGoStillFailsWithGosMessageAndAHint()
    {
        Write("m/go.mod", "module example.com/m\n\ngo 1.26.3\n");
        Write("m/store/store.go", Store);
        var run = Lint("m", "--loader", "go");
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Messages);
        Assert.StartsWith("mapscope: lint: go list failed (exit 1): go: ", line);
        Assert.Contains("1.26.3", line);
        Assert.EndsWith("(use --loader dir to load packages from the directory tree without the go command)", line);
    }

    [SkippableFact]
    public void GopathEraRepositoryWithVendorJsonFallsBack()
    {
        Write("old/vendor/vendor.json", "{\"package\": []}\n");
        Write("old/vendor/github.com/dep/dep/dep.go", "package dep\n\nvar M = map[string]int{}\n");
        Write("old/main.go", "package main\n\nimport \"github.com/dep/dep\"\n\nfunc main() {\n\tm := dep.M\n\tm[\"a\"] = 1\n}\n");
        var run = Lint("old", ".");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["main.go:7:2: write to map m (test-map-write)"], run.OutLines);
        Assert.EndsWith(Fallback, Assert.Single(run.Messages));
    }

    [SkippableFact]
    public void MissingDependenciesAreOneNoteNotOneWarningPerImporter()
    {
        Write("m/go.mod", "module example.com/m\n\ngo 1.22\n\nrequire (\n\texample.com/missing v1.2.3\n\texample.com/gone v0.1.0\n)\n");
        Write("m/store/store.go", Store.Replace("package store\n", "package store\n\nimport (\n\t\"example.com/missing\"\n\t\"example.com/missing/sub\"\n\t\"example.com/gone\"\n)\n\nvar _ = missing.X + sub.Y + gone.Z\n"));
        Write("m/a/a.go", "package a\n\nimport \"example.com/m/store\"\n\nfunc F() { store.Put(1, \"\") }\n");
        Write("m/b/b.go", "package b\n\nimport \"example.com/m/store\"\n\nfunc G() { store.Put(2, \"\") }\n");
        var run = Lint("m");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["store/store.go:14:2: write to map byID (test-map-write)"], run.OutLines);
        Assert.Equal(["mapscope: note: 3 imports of 2 modules could not be resolved (not downloaded); their types are unknown"], run.Messages);
    }

    [SkippableFact]
    public void FilesOnTheCommandLineAreOnePackage()
    {
        Write("m/go.mod", "module example.com/m\n\ngo 1.22\n");
        Write("m/p/a.go", "package p\n\nvar byID = map[int]string{}\n\nfunc A() { put(1) }\n");
        Write("m/p/b.go", "package p\n\nfunc put(id int) {\n\tbyID[id] = \"\"\n}\n");
        Write("m/p/c.go", "package p\n\nfunc C() {\n\tbyID[3] = \"\"\n}\n");
        var run = Lint("m", "p/a.go", "p/b.go");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["p/b.go:4:2: write to map byID (test-map-write)"], run.OutLines);
        Assert.Empty(run.Messages);
        var dir = Lint("m", "--loader", "dir", "p/a.go", "p/b.go");
        Assert.Equal(run.OutLines, dir.OutLines);
        Assert.Equal(2, Lint("m", "p/a.go", "other/x.go").ExitCode);
    }

    private void TestsModule()
    {
        Write("m/go.mod", "module example.com/m\n\ngo 1.22\n");
        Write("m/p/p.go", "package p\n\nvar byID = map[int]string{}\n\nfunc Get(id int) string { return byID[id] }\n");
        Write("m/p/export_test.go", "package p\n\nfunc Seed() {\n\tbyID[1] = \"one\"\n}\n");
        Write("m/p/p_test.go", "package p_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/m/p\"\n)\n\nfunc TestGet(t *testing.T) {\n\tp.Seed()\n\tlocal := map[string]int{}\n\tlocal[p.Get(1)] = 1\n}\n");
        Write("m/p/tagged.go", "//go:build special\n\npackage p\n\nfunc Special() {\n\tbyID[9] = \"nine\"\n}\n");
    }

    [SkippableTheory]
    [InlineData("auto")]
    [InlineData("dir")]
    public void TestFilesAreLintedByDefault(string loader)
    {
        TestsModule();
        var run = Lint("m", "--loader", loader);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["p/export_test.go:4:2: write to map byID (test-map-write)", "p/p_test.go:12:2: write to map local (test-map-write)"], run.OutLines);
        Assert.Empty(run.Messages);
        var off = Lint("m", "--loader", loader, "--tests=false");
        Assert.Equal(0, off.ExitCode);
        Assert.Equal("", off.Out);
    }

    [SkippableTheory]
    [InlineData("auto")]
    [InlineData("dir")]
    public void TagsSelectFiles(string loader)
    {
        TestsModule();
        var run = Lint("m", "--loader", loader, "--tests=false", "--tags", "special,other");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["p/tagged.go:6:2: write to map byID (test-map-write)"], run.OutLines);
    }

    [SkippableFact]
    public void WorkspaceModulesResolveEachOther()
    {
        Write("ws/go.work", "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n");
        Write("ws/a/go.mod", "module example.com/a\n\ngo 1.22\n\nrequire example.com/b v0.0.0\n");
        Write("ws/b/go.mod", "module example.com/b\n\ngo 1.22\n");
        Write("ws/b/b.go", "package b\n\nvar Registry = map[string]int{}\n");
        Write("ws/a/a.go", "package a\n\nimport \"example.com/b\"\n\nfunc Add() {\n\tr := b.Registry\n\tr[\"x\"] = 1\n}\n");
        foreach (var loader in new[] { "auto", "dir" })
        {
            var run = Lint("ws/a", "--loader", loader);
            Assert.Equal(1, run.ExitCode);
            Assert.Equal(["a.go:7:2: write to map r (test-map-write)"], run.OutLines);
            Assert.Empty(run.Messages);
        }
    }

    [SkippableFact]
    public void PathsAreRelativeWhenTheWorkingDirectoryIsASymlink()
    {
        Write("real/m/go.mod", "module example.com/m\n\ngo 1.22\n");
        Write("real/m/store/store.go", Store);
        Directory.CreateSymbolicLink(Path.Combine(_root, "link"), Path.Combine(_root, "real"));
        foreach (var loader in new[] { "auto", "dir" })
        {
            var run = Lint("link/m", "--loader", loader);
            Assert.Equal(1, run.ExitCode);
            Assert.Equal(["store/store.go:6:2: write to map byID (test-map-write)"], run.OutLines);
        }
    }
}
