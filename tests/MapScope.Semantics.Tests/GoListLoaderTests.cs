using MapScope.Semantics.Loading;
using MapScope.TestSupport;

namespace MapScope.Semantics.Tests;

public class GoListLoaderTests
{
    [SkippableFact]
    public void FailingGoCommandIsACleanError()
    {
        var go = GoToolchain.Require();
        var dir = Directory.CreateTempSubdirectory("mapscope-badmod-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "go.mod"), "module m\ngo banana\n");
            var result = new GoListLoader(go).Load(["./..."], new LoadOptions { WorkingDirectory = dir });
            Assert.Empty(result.Packages);
            var error = Assert.Single(result.Errors);
            Assert.StartsWith("go list failed (exit 1): ", error);
            Assert.Contains("go.mod", error);
        }
        finally { Directory.Delete(dir, true); }
    }

    [SkippableFact]
    public void WildcardOutsideAModuleIsALoadError()
    {
        var go = GoToolchain.Require();
        var dir = Directory.CreateTempSubdirectory("mapscope-nomod-").FullName;
        try
        {
            // go list -e exits 0 here and returns a pseudo-package named "./..." carrying the error.
            var result = new GoListLoader(go).Load(["./..."], new LoadOptions { WorkingDirectory = dir });
            Assert.Empty(result.Packages);
            Assert.Contains("main module", Assert.Single(result.Errors));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void MissingGoBinaryIsACleanError()
    {
        var result = new GoListLoader("/nonexistent/go").Load(["std"], new LoadOptions { WorkingDirectory = Path.GetTempPath() });
        Assert.Empty(result.Packages);
        Assert.Contains("/nonexistent/go", Assert.Single(result.Errors));
    }

    [SkippableFact]
    public void MissingPackageIsReportedOnThePackage()
    {
        var go = GoToolchain.Require();
        var result = new GoListLoader(go).Load(["nosuch/pkg"], new LoadOptions { WorkingDirectory = RepoPaths.Combine("examples") });
        var p = Assert.Single(result.Packages);
        Assert.Equal("nosuch/pkg", p.ImportPath);
        Assert.Contains(p.Errors, e => e.Contains("nosuch/pkg"));
    }

    [Fact]
    public void ParsesConcatenatedJsonObjects()
    {
        var json = """
            {"ImportPath":"a","Name":"a","Dir":"/x/a","GoFiles":["b.go","a.go"],"CgoFiles":["c.go"],"Imports":["z","C"],"Module":{"Path":"m","Main":true}}
            {"ImportPath":"b","Dir":"/x/b","Error":{"Pos":"x.go:1:2","Err":"bad"},"ImportMap":{"q":"vendor/q"}}
            """u8.ToArray();
        var list = GoListLoader.Parse(json);
        Assert.Equal(2, list.Count);
        Assert.Equal(["a.go", "b.go", "c.go"], list[0].GoFiles);
        Assert.Equal(["C", "z"], list[0].Imports);
        Assert.True(list[0].Module!.Main);
        Assert.Equal(["x.go:1:2: bad"], list[1].Errors);
        Assert.Equal("vendor/q", list[1].ResolveImport("q"));
    }
}
