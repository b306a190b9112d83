using MapScope.Semantics.Loading;
using MapScope.TestSupport;

namespace MapScope.Semantics.Tests;

/// <summary>
/// Loading modules of today's Go with each supported toolchain: go lines newer than the local go, toolchain
/// lines, missing dependencies, go.work, files named on the command line, tests and tags. Where both loaders
/// can answer, the directory loader must agree with go list of the same release.
/// </summary>
public sealed class TodaysGoLoadingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mapscope-todays-go-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static DirectoryLoader DirLoader(GoInstall go) =>
        new(o => GoEnvironment.From(n => n == "GOROOT" ? go.GoRoot : Environment.GetEnvironmentVariable(n), o));

    private static AutoLoader Auto(GoInstall go) => new(new GoListLoader(go.Go), DirLoader(go));

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void NewerGoAndToolchainLinesFallBackToTheDirectoryTree(string release)
    {
        var go = GoToolchain.Require(release);
        Write("m/go.mod", "module example.com/m\n\ngo 1.26.3\n\ntoolchain go1.26.3\n\ngodebug (\n\tpanicnil=1\n)\n");
        Write("m/p/p.go", "package p\n\nvar M = map[string]int{}\n");
        var options = new LoadOptions { WorkingDirectory = Path.Combine(_root, "m") };

        var goList = new GoListLoader(go.Go).Load(["./..."], options);
        Assert.NotNull(goList.ToolFailure);
        Assert.DoesNotContain('\n', goList.ToolFailure);
        // Never a download: the local go refuses the version instead of fetching go1.26.3.
        Assert.DoesNotContain("downloading", goList.ToolFailure);
        Assert.Contains("1.26.3", goList.ToolFailure);

        var auto = Auto(go).Load(["./..."], options);
        var p = Assert.Single(auto.Packages);
        Assert.Equal("example.com/m/p", p.ImportPath);
        Assert.Equal("1.26.3", p.GoVersion);
        Assert.Equal("go1.26.3", p.Module?.Toolchain);
        var note = Assert.Single(auto.Notes);
        Assert.Equal($"go list failed ({goList.ToolFailure}); loaded packages from the directory tree instead", note);
        Assert.Empty(auto.Errors);
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void RepositoryWithoutGoModFallsBackToo(string release)
    {
        var go = GoToolchain.Require(release);
        Directory.CreateDirectory(Path.Combine(_root, "old", ".git"));
        Write("old/main.go", "package main\n\nimport \"github.com/someone/old/lib\"\n\nfunc main() { lib.F() }\n");
        Write("old/lib/lib.go", "package lib // import \"github.com/someone/old/lib\"\n\nfunc F() {}\n");
        var options = new LoadOptions { WorkingDirectory = Path.Combine(_root, "old") };
        // go list -e answers with a pattern error and exit 0 (no main module), or fails: either way the tree is read.
        var auto = Auto(go).Load(["./..."], options);
        Assert.Equal(["github.com/someone/old", "github.com/someone/old/lib"], auto.Packages.Select(p => p.ImportPath));
        var note = Assert.Single(auto.Notes);
        Assert.StartsWith("go list ", note);
        Assert.EndsWith("; loaded packages from the directory tree instead", note);
        Assert.Empty(auto.Packages[0].UnresolvedImports);
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void OldModuleWithVendorResolvesFromVendorWhenNotDownloaded(string release)
    {
        var go = GoToolchain.Require(release);
        Write("m/go.mod", "module example.com/m\n\ngo 1.12\n\nrequire example.com/dep v1.0.0\n");
        Write("m/vendor/modules.txt", "# example.com/dep v1.0.0\nexample.com/dep\n");
        Write("m/vendor/example.com/dep/dep.go", "package dep\n\nvar M = map[string]int{}\n");
        Write("m/m.go", "package m\n\nimport \"example.com/dep\"\n\nvar _ = dep.M\n");
        var options = new LoadOptions { WorkingDirectory = Path.Combine(_root, "m"), IncludeDependencies = true };
        var auto = Auto(go).Load(["./..."], options);
        var m = auto.Packages.Single(p => p.ImportPath == "example.com/m");
        Assert.Empty(m.UnresolvedImports);
        var dep = auto.Packages.Single(p => p.ImportPath == "example.com/dep");
        Assert.Equal(Path.Combine(_root, "m", "vendor", "example.com", "dep"), dep.Dir);
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void MissingDependenciesAreUnresolvedImportsNotCopiedErrors(string release)
    {
        var go = GoToolchain.Require(release);
        Write("m/go.mod", "module example.com/m\n\ngo 1.22\n\nrequire example.com/missing v1.2.3\n");
        Write("m/a.go", "package m\n\nimport \"example.com/missing\"\n\nvar M = missing.X\n");
        Write("m/b/b.go", "package b\n\nimport \"example.com/m\"\n\nvar _ = m.M\n");
        Write("m/c/c.go", "package c\n\nimport \"example.com/m/b\"\n");
        var options = new LoadOptions { WorkingDirectory = Path.Combine(_root, "m"), IncludeDependencies = true };
        foreach (var loader in new IPackageLoader[] { new GoListLoader(go.Go), DirLoader(go), Auto(go) })
        {
            var result = loader.Load(["./..."], options);
            Assert.Null(result.ToolFailure);
            Assert.Empty(result.Notes); // go list's answer is usable: no fallback
            var byPath = result.Packages.ToDictionary(p => p.ImportPath);
            Assert.Equal(["example.com/missing"], byPath["example.com/m"].UnresolvedImports);
            Assert.Empty(byPath["example.com/m/b"].UnresolvedImports);
            Assert.Empty(byPath["example.com/m/b"].Errors);
            Assert.Empty(byPath["example.com/m/c"].Errors);
            Assert.False(byPath.ContainsKey("example.com/missing"));
            Assert.All(byPath.Values.Where(p => !p.Standard), p => Assert.Equal("1.22", p.GoVersion));
        }
        // Without -deps, go list copies the error into every package above the missing one; only the importer keeps it.
        var flat = new GoListLoader(go.Go).Load(["./..."], options with { IncludeDependencies = false }).Packages.ToDictionary(p => p.ImportPath);
        Assert.Contains("example.com/missing", Assert.Single(flat["example.com/m"].Errors));
        Assert.Empty(flat["example.com/m/b"].Errors);
        Assert.Empty(flat["example.com/m/c"].Errors);
    }

    private void TestsAndTagsModule()
    {
        Write("m/go.mod", "module example.com/m\n\ngo 1.21\n");
        Write("m/p/p.go", "package p\n\nimport \"strings\"\n\nvar _ = strings.ToUpper\n");
        Write("m/p/p_linux.go", "package p\n");
        Write("m/p/p_windows.go", "package p\n");
        Write("m/p/tagged.go", "//go:build special && !other\n\npackage p\n\nimport \"sort\"\n\nvar _ = sort.Ints\n");
        Write("m/p/in_test.go", "package p\n\nimport \"testing\"\n\nfunc TestIn(t *testing.T) {}\n");
        Write("m/p/in_windows_test.go", "package p\n");
        Write("m/p/ext_test.go", "package p_test\n\nimport (\n\t\"bytes\"\n\n\t\"example.com/m/p\"\n)\n\nvar _ = bytes.Equal\nvar _ = p.X\n");
        Write("m/p/special_test.go", "//go:build special\n\npackage p_test\n\nimport \"errors\"\n\nvar _ = errors.New\n");
        Write("m/onlytests/x_test.go", "package onlytests\n");
        Write("m/cmd/a.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n");
        Write("m/cmd/b.go", "package main\n");
        Write("m/cmd/c.go", "package main\n\nimport \"os\"\n\nvar _ = os.Args\n");
    }

    public static TheoryData<string, string> ReleasesAndTags()
    {
        var data = new TheoryData<string, string>();
        foreach (var r in GoToolchain.Supported)
            foreach (var tags in new[] { "", "special", "special,other" })
                data.Add(r, tags);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(ReleasesAndTags))]
    public void TestFilesAndTagsAgreeWithGoList(string release, string tags)
    {
        var go = GoToolchain.Require(release);
        TestsAndTagsModule();
        var options = new LoadOptions
        {
            WorkingDirectory = Path.Combine(_root, "m"), GoOS = "linux", GoArch = "amd64", CgoEnabled = false,
            BuildTags = tags.Split(',', StringSplitOptions.RemoveEmptyEntries),
        };
        var expected = new GoListLoader(go.Go).Load(["./..."], options);
        var actual = DirLoader(go).Load(["./..."], options);
        Assert.Empty(expected.Errors);
        var cmp = LoaderComparison.Compare(expected, actual);
        Assert.Empty(cmp.Mismatches);

        var p = expected.Packages.Single(x => x.ImportPath == "example.com/m/p");
        Assert.Equal(["in_test.go"], p.TestGoFiles);
        Assert.Equal(tags.StartsWith("special", StringComparison.Ordinal) ? ["ext_test.go", "special_test.go"] : ["ext_test.go"], p.XTestGoFiles);
        Assert.Equal(tags == "special" ? ["p.go", "p_linux.go", "tagged.go"] : ["p.go", "p_linux.go"], p.GoFiles);
        Assert.Equal(["x_test.go"], expected.Packages.Single(x => x.ImportPath == "example.com/m/onlytests").TestGoFiles);
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void TestImportsAreLoadedAsDependenciesWhenAsked(string release)
    {
        var go = GoToolchain.Require(release);
        TestsAndTagsModule();
        var options = new LoadOptions { WorkingDirectory = Path.Combine(_root, "m"), IncludeDependencies = true, IncludeTests = true, GoOS = "linux", GoArch = "amd64", CgoEnabled = false };
        foreach (var loader in new IPackageLoader[] { new GoListLoader(go.Go), DirLoader(go) })
        {
            var byPath = loader.Load(["./p"], options).Packages.ToDictionary(p => p.ImportPath);
            Assert.False(byPath["example.com/m/p"].DepOnly);
            Assert.True(byPath["testing"].DepOnly);
            Assert.True(byPath["bytes"].DepOnly);
            Assert.Equal("1." + GoVersions.Minor(go.Version), byPath["testing"].GoVersion);
        }
        var without = new GoListLoader(go.Go).Load(["./p"], options with { IncludeTests = false }).Packages;
        Assert.DoesNotContain(without, p => p.ImportPath == "testing");
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void FilesOnTheCommandLineAreOnePackage(string release)
    {
        var go = GoToolchain.Require(release);
        TestsAndTagsModule();
        var options = new LoadOptions { WorkingDirectory = Path.Combine(_root, "m"), GoOS = "linux", GoArch = "amd64", CgoEnabled = false };
        string[] files = ["cmd/a.go", "cmd/b.go"];
        var expected = new GoListLoader(go.Go).Load(files, options);
        var actual = DirLoader(go).Load(files, options);
        Assert.Empty(expected.Errors);
        Assert.Empty(LoaderComparison.Compare(expected, actual).Mismatches);
        var p = Assert.Single(actual.Packages);
        Assert.Equal(GoFilesPackage.ImportPath, p.ImportPath);
        Assert.Equal(["a.go", "b.go"], p.GoFiles);
        Assert.Equal(["fmt"], p.Imports);

        var spread = DirLoader(go).Load(["cmd/a.go", "p/p.go"], options);
        Assert.Empty(spread.Packages);
        Assert.Contains("named files must all be in one directory", Assert.Single(spread.Errors));
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void WorkspaceAgreesWithGoList(string release)
    {
        var go = GoToolchain.Require(release);
        Write("ws/go.work", "go 1.19\n\nuse (\n\t./a\n\t./b\n)\n\nreplace example.com/c => ./third_party/c\n");
        // b needs no requirement: workspace modules see each other.
        Write("ws/a/go.mod", "module example.com/a\n\ngo 1.19\n\nrequire example.com/c v1.0.0\n");
        Write("ws/third_party/c/go.mod", "module example.com/c\n\ngo 1.17\n");
        Write("ws/third_party/c/c.go", "package c\n");
        Write("ws/b/go.mod", "module example.com/b\n\ngo 1.18\n");
        Write("ws/b/b.go", "package b\n\nvar Registry = map[string]int{}\n");
        Write("ws/b/sub/sub.go", "package sub\n");
        Write("ws/a/a.go", "package a\n\nimport (\n\t\"example.com/b\"\n\t\"example.com/b/sub\"\n\t\"example.com/c\"\n)\n\nvar _ = b.Registry\n");
        var options = new LoadOptions { WorkingDirectory = Path.Combine(_root, "ws", "a"), IncludeDependencies = true };
        var expected = new GoListLoader(go.Go).Load(["./..."], options);
        var actual = DirLoader(go).Load(["./..."], options);
        Assert.Empty(expected.Errors);
        Assert.Empty(LoaderComparison.Compare(expected, actual).Mismatches);
        var b = actual.Packages.Single(p => p.ImportPath == "example.com/b");
        Assert.Equal(Path.Combine(_root, "ws", "b"), b.Dir);
        Assert.Equal("1.18", b.GoVersion);
        Assert.True(b.DepOnly);
        Assert.Equal(Path.Combine(_root, "ws", "third_party", "c"), actual.Packages.Single(p => p.ImportPath == "example.com/c").Dir);
    }
}
