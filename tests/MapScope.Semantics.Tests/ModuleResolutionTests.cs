using MapScope.Semantics.Loading;

namespace MapScope.Semantics.Tests;

/// <summary>Module-mode import resolution of the directory loader: local replacements, the module cache, vendor/.</summary>
public sealed class ModuleResolutionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mapscope-mod-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string rel, string text)
    {
        var path = Path.Combine(_root, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private LoadResult Load(string goVersion)
    {
        Write("app/go.mod", $"module example.com/app\n\ngo {goVersion}\n\nrequire (\n\texample.com/dep v1.0.0\n\tgithub.com/Upper/lib v1.2.0\n)\n\nreplace example.com/dep => ../dep\n");
        Write("app/main.go", "package main\n\nimport (\n\t\"example.com/app/internal/x\"\n\t\"example.com/dep/sub\"\n\t\"github.com/Upper/lib/pkg\"\n\t\"example.com/missing\"\n)\n");
        Write("app/internal/x/x.go", "package x\n");
        Write("dep/sub/sub.go", "package sub\n");
        Write("modcache/github.com/!upper/lib@v1.2.0/pkg/pkg.go", "package pkg\n");
        var loader = new DirectoryLoader(o => GoEnvironment.From(
            n => n switch { "GOMODCACHE" => Path.Combine(_root, "modcache"), "GO111MODULE" or "GOFLAGS" => null, _ => Environment.GetEnvironmentVariable(n) }, o));
        return loader.Load(["./..."], new LoadOptions { WorkingDirectory = Path.Combine(_root, "app"), GoOS = "linux", GoArch = "amd64", IncludeDependencies = true });
    }

    [Fact]
    public void ReplacementsAndModuleCacheResolve()
    {
        var byPath = Load("1.19").Packages.ToDictionary(p => p.ImportPath);
        var main = byPath["example.com/app"];
        Assert.True(main.Module!.Main);
        Assert.Equal(["example.com/missing"], main.UnresolvedImports);
        Assert.Equal(Path.Combine(_root, "dep", "sub"), byPath["example.com/dep/sub"].Dir);
        Assert.Equal("../dep", byPath["example.com/dep/sub"].Module!.Replace!.Path);
        var pkg = byPath["github.com/Upper/lib/pkg"];
        Assert.Equal(Path.Combine(_root, "modcache", "github.com", "!upper", "lib@v1.2.0", "pkg"), pkg.Dir);
        Assert.Equal(("github.com/Upper/lib", "v1.2.0"), (pkg.Module!.Path, pkg.Module.Version));
        Assert.Equal(["x.go"], byPath["example.com/app/internal/x"].GoFiles);
    }

    [Fact]
    public void VendorDirectoryWinsFromGo114()
    {
        Write("app/vendor/modules.txt", "# github.com/Upper/lib v1.2.0\n## explicit\ngithub.com/Upper/lib/pkg\n");
        Write("app/vendor/github.com/Upper/lib/pkg/pkg.go", "package pkg\n");
        var pkg = Load("1.19").Packages.Single(p => p.ImportPath == "github.com/Upper/lib/pkg");
        Assert.Equal(Path.Combine(_root, "app", "vendor", "github.com", "Upper", "lib", "pkg"), pkg.Dir);
        Assert.Equal("v1.2.0", pkg.Module!.Version);
    }

    [Fact]
    public void VendorDirectoryIsIgnoredBeforeGo114()
    {
        Write("app/vendor/github.com/Upper/lib/pkg/pkg.go", "package pkg\n");
        var pkg = Load("1.13").Packages.Single(p => p.ImportPath == "github.com/Upper/lib/pkg");
        Assert.Contains("modcache", pkg.Dir);
    }
}
