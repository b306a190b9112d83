using MapScope.Semantics.Loading;

namespace MapScope.Semantics.Tests;

/// <summary>
/// A pre-modules repository (no go.mod, vendor/ at the root, its own packages imported by a GOPATH import path,
/// outside any GOPATH) loaded by the directory loader.
/// </summary>
public sealed class GopathLoadingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mapscope-gopath-").FullName;
    private readonly string _emptyGopath;

    public GopathLoadingTests() => _emptyGopath = Directory.CreateDirectory(Path.Combine(_root, "emptygopath")).FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string rel, string text)
    {
        var path = Path.Combine(_root, "repo", rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private LoadResult Load(bool deps, params string[] patterns)
    {
        var loader = new DirectoryLoader(o => GoEnvironment.From(
            n => n switch { "GOPATH" => _emptyGopath, "GO111MODULE" or "GOFLAGS" => null, _ => Environment.GetEnvironmentVariable(n) }, o));
        return loader.Load(patterns, new LoadOptions { WorkingDirectory = Path.Combine(_root, "repo"), GoOS = "linux", GoArch = "amd64", CgoEnabled = true, IncludeDependencies = deps });
    }

    private void WriteSelfImportingRepo()
    {
        Write("main.go", "package main\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/other/lib\"\n\t\"github.com/acme/tool/util\"\n)\n\nfunc main() { fmt.Println(util.X, lib.Y) }\n");
        Write("util/util.go", "package util\n\nimport (\n\t\"github.com/acme/tool/internal/strs\"\n\t\"github.com/nowhere/x\"\n)\n\nvar X = strs.S + x.Z\n");
        Write("util/util_windows.go", "package util\n\nimport \"golang.org/x/sys/windows\"\n");
        Write("util/util_test.go", "package util\n\nimport \"testing\"\n");
        Write("internal/strs/strs.go", "package strs\n\nconst S = \"s\"\n");
        Write("testdata/broken/broken.go", "package broken\n\nimport \"github.com/acme/tool/nothere\"\n");
        Write("vendor/github.com/other/lib/lib.go", "package lib\n\nimport \"github.com/other/dep\"\n\nvar Y = dep.D\n");
        Write("vendor/github.com/other/dep/dep.go", "// +build linux\n\npackage dep\n\nconst D = 1\n");
    }

    [SkippableFact]
    public void SelfImportsGiveTheRepositoryPathAndVendorResolves()
    {
        WriteSelfImportingRepo();
        var result = Load(deps: false, "./...");
        Skip.If(result.Errors.Any(e => e.Contains("GOROOT")), "no GOROOT with sources");
        Assert.Empty(result.Errors);
        Assert.Equal(["github.com/acme/tool", "github.com/acme/tool/internal/strs", "github.com/acme/tool/util"], result.Packages.Select(p => p.ImportPath));

        var main = result.Packages[0];
        Assert.Equal("main", main.Name);
        Assert.Equal(["fmt", "github.com/acme/tool/util", "github.com/acme/tool/vendor/github.com/other/lib"], main.Imports);
        Assert.Equal("github.com/acme/tool/vendor/github.com/other/lib", main.ResolveImport("github.com/other/lib"));
        Assert.Empty(main.UnresolvedImports);

        var util = result.Packages[2];
        Assert.Equal(["util.go"], util.GoFiles);                 // util_windows.go is not for linux; tests are not compiled files
        Assert.Equal(Path.Combine(_root, "repo", "util"), util.Dir);
        Assert.Equal(["github.com/nowhere/x"], util.UnresolvedImports);
        Assert.Contains("github.com/acme/tool/internal/strs", util.Imports);
        Assert.DoesNotContain("golang.org/x/sys/windows", util.Imports);
    }

    [SkippableFact]
    public void DependenciesComeFromVendorAndGoroot()
    {
        WriteSelfImportingRepo();
        var result = Load(deps: true, ".");
        Skip.If(result.Errors.Any(e => e.Contains("GOROOT")), "no GOROOT with sources");
        var byPath = result.Packages.ToDictionary(p => p.ImportPath);
        var dep = byPath["github.com/acme/tool/vendor/github.com/other/dep"];
        Assert.Equal(Path.Combine(_root, "repo", "vendor", "github.com", "other", "dep"), dep.Dir);
        Assert.Equal(["dep.go"], dep.GoFiles);
        Assert.Equal(["github.com/acme/tool/vendor/github.com/other/dep"], byPath["github.com/acme/tool/vendor/github.com/other/lib"].Imports);
        Assert.True(byPath["fmt"].Standard);
        Assert.True(byPath.ContainsKey("github.com/acme/tool/internal/strs"));
        // The unresolvable import stays on its importer and does not stop the load.
        Assert.Equal(["github.com/nowhere/x"], byPath["github.com/acme/tool/util"].UnresolvedImports);
    }

    [Fact]
    public void ImportCommentsGiveTheRepositoryPath()
    {
        Write("a/a.go", "package a // import \"example.org/r/a\"\n\nimport \"example.org/r/b\"\n");
        Write("b/b.go", "package b\n");
        var result = Load(deps: false, "./a");
        var a = Assert.Single(result.Packages);
        Assert.Equal("example.org/r/a", a.ImportPath);
        Assert.Equal(["example.org/r/b"], a.Imports);
        Assert.Empty(a.UnresolvedImports);
    }

    [Fact]
    public void WithoutAnyHintTheImportPathIsLocal()
    {
        Write("a/a.go", "package a\n");
        var a = Assert.Single(Load(deps: false, "./a").Packages);
        Assert.Equal("_" + Path.Combine(_root, "repo", "a").Replace('\\', '/'), a.ImportPath);
    }
}
