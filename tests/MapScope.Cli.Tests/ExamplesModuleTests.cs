using MapScope.TestSupport;

namespace MapScope.Cli.Tests;

/// <summary>The bundled example module must stay a real, compilable Go module for later diagnoses.</summary>
public class ExamplesModuleTests
{
    [SkippableFact]
    public void Examples_BuildAndVetWithGo()
    {
        var go = GoToolchain.Require();
        var dir = RepoPaths.Combine("examples");
        GoToolchain.Run(go, "build ./...", dir);
        GoToolchain.Run(go, "vet ./...", dir);
    }

    [Fact]
    public void Examples_MarkEachPlantedBug()
    {
        // Later issues diagnose these; each must stay marked where it is planted.
        string Read(string p) => File.ReadAllText(RepoPaths.Combine(["examples", .. p.Split('/')]));
        Assert.Contains("quotes[key] = p // BUG:", Read("cache/cache.go"));
        Assert.Contains("c.notes[sku] = note // BUG:", Read("cart/cart.go"));
        Assert.Contains("visits[r.URL.Path]++ // BUG:", Read("server/server.go"));
    }
}
