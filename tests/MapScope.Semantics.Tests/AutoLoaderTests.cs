using MapScope.Semantics.Loading;
using MapScope.TestSupport;

namespace MapScope.Semantics.Tests;

/// <summary>The auto loader falls back to the directory loader where go list finds nothing.</summary>
public sealed class AutoLoaderTests
{
    [SkippableFact]
    public void PatternIntoANestedModuleFromOutsideItLoadsThePackages()
    {
        GoToolchain.Require();
        var root = Directory.CreateTempSubdirectory("mapscope-auto-");
        try
        {
            var mod = Path.Combine(root.FullName, "inner");
            Directory.CreateDirectory(Path.Combine(mod, "p"));
            File.WriteAllText(Path.Combine(mod, "go.mod"), "module example.com/inner\n\ngo 1.19\n");
            File.WriteAllText(Path.Combine(mod, "p", "p.go"), "package p\n\nvar M = map[string]int{}\n");
            var options = new LoadOptions { WorkingDirectory = root.FullName };

            var goList = new GoListLoader().Load(["./inner/..."], options);
            Assert.Empty(goList.Packages); // go list: not in a module

            var auto = new AutoLoader().Load(["./inner/..."], options);
            var p = Assert.Single(auto.Packages);
            Assert.Equal("example.com/inner/p", p.ImportPath);
            Assert.Equal(["p.go"], p.GoFiles);
        }
        finally
        {
            root.Delete(true);
        }
    }
}
