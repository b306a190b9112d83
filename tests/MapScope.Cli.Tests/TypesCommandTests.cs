using System.Globalization;
using MapScope.TestSupport;

namespace MapScope.Cli.Tests;

/// <summary>`mapscope types --maps` end to end on the bundled example module.</summary>
public sealed class TypesCommandTests
{
    [Fact]
    public void ListsTheExampleModulesMapsWithoutTheGoCommand()
    {
        var run = CliRun.In(RepoPaths.Combine("examples"), [], "types", "--maps", "--loader", "dir", "./...");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // every line is FILE:LINE:COL<TAB>END<TAB>TYPE with a path relative to the working directory
        Assert.All(lines, l => Assert.Matches(@"^[a-z]+/[a-z_]+\.go:\d+:\d+\t\d+\t(map\[|[a-z./]+\.[A-Z])", l));
        // a named map type from another package is a map too (url.Values via r.URL.Query())
        Assert.Contains(lines, l => l.StartsWith("server/server.go:", StringComparison.Ordinal) && l.EndsWith("\tnet/url.Values", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cache/cache.go:", StringComparison.Ordinal) && l.EndsWith("\tmap[string]example.com/shop/cache.Price", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAListingIsAUsageError()
    {
        var run = CliRun.In(RepoPaths.Combine("examples"), [], "types", "./...");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--maps", run.Error);
    }

    /// <summary>Aliases print as go/types of the toolchain in use prints them: by name from Go 1.23 on.</summary>
    [SkippableFact]
    public void AliasesPrintLikeTheToolchainsGoTypes()
    {
        var go = GoToolchain.Require();
        var release = GoToolchain.Installed.First(t => t.Go == go).Release;
        var dir = Directory.CreateTempSubdirectory("mapscope-types-alias-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "go.mod"), "module example.com/r\n\ngo 1.19\n");
            File.WriteAllText(Path.Combine(dir.FullName, "r.go"), "package r\n\nimport \"strings\"\n\ntype M = map[string]int\n\nfunc F(x M) int { return x[strings.ToLower(\"k\")] }\n");
            var run = CliRun.In(dir.FullName, null, "types", "--maps", "--loader", "dir", "./...");
            Assert.Equal(0, run.ExitCode);
            var expected = GoVersionsMinor(release) >= 23 ? "example.com/r.M" : "map[string]int";
            Assert.Equal([$"r.go:7:26\t80\t{expected}"], run.OutLines);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static int GoVersionsMinor(string release) => int.Parse(release.Split('.')[1], CultureInfo.InvariantCulture);
}
