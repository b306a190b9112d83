using MapScope.Analysis.Config;
using MapScope.Analysis.Lint;
using MapScope.Analysis.Rules.ConcurrentMapAccess;
using MapScope.TestSupport;

namespace MapScope.Analysis.Tests.Rules;

public sealed class ConcurrentMapAccessTests
{
    [SkippableFact]
    public void Testdata() => AnalysisTest.Run(new ConcurrentMapAccessAnalyzer(), AnalysisTest.Testdata("ConcurrentMapAccess"));

    [SkippableFact]
    public void BundledExampleReportsOnlyTheVisitsCounter() =>
        Assert.Equal([BundledExample.BugLine("server/server.go", "unsynchronized write")], BundledExample.Findings(new ConcurrentMapAccessAnalyzer()));

    // A job runner's Process is called concurrently by a framework the rule cannot see: only the config says so.
    private const string Jobs = """
        package jobs

        var lastRun = map[string]int64{}

        func Process(name string, at int64) {
        	lastRun[name] = at
        }

        type Worker struct{ done map[string]bool }

        func (w *Worker) Handle(name string) {
        	w.done[name] = true
        }

        func (w *Worker) Other(name string) {
        	w.done[name] = false
        }
        """;

    [SkippableTheory]
    [InlineData("example.com/testdata/jobs")]
    [InlineData("jobs")]
    public void ConfiguredEntryPointsAreConcurrent(string pkg)
    {
        GoToolchain.RequireGoRootSrc();
        using var module = new TempModule(new()
        {
            ["jobs/jobs.go"] = Jobs,
            [".mapscope.yml"] = $"concurrency:\n  entry-points: [\"{pkg}.Process\", \"(*{pkg}.Worker).Handle\"]\n",
        });
        var found = Lint(module.Dir);
        Assert.Equal(["jobs/jobs.go:6", "jobs/jobs.go:12"], found.Select(d => $"{d.File}:{d.Line}"));
        Assert.Contains("from " + pkg + ".Process (a concurrency entry point in .mapscope.yml)", found[0].Message);
        Assert.Contains("w.done (a field of the entry point's receiver, shared by its concurrent calls)", found[1].Message);
    }

    [SkippableFact]
    public void WithoutTheConfigNothingIsConcurrent()
    {
        GoToolchain.RequireGoRootSrc();
        using var module = new TempModule(new() { ["jobs/jobs.go"] = Jobs });
        Assert.Empty(Lint(module.Dir));
    }

    [Fact]
    public void ConfigReadsEntryPoints()
    {
        var config = ConfigFile.Parse("concurrency:\n  entry-points: [\"a/b.F\", \"(*example.com/x-y/z.T).M\", \"(z.T).N\"]\n", "/p/.mapscope.yml");
        Assert.Equal(["a/b.F", "(*example.com/x-y/z.T).M", "(z.T).N"], config.Concurrency.EntryPoints);
        Assert.Empty(ConfigFile.Parse("rules: {}\n", "/p/.mapscope.yml").Concurrency.EntryPoints);
    }

    [Theory]
    [InlineData("concurrency: [a.F]\n", "concurrency: expected a mapping with entry-points")]
    [InlineData("concurrency: {entrypoints: [a.F]}\n", "concurrency: unknown setting entrypoints (expected entry-points)")]
    [InlineData("concurrency: {entry-points: a.F}\n", "concurrency.entry-points: expected a list")]
    [InlineData("concurrency: {entry-points: [\"F\"]}\n", "concurrency.entry-points: F is not a function name")]
    [InlineData("concurrency: {entry-points: [\"(*T.M\"]}\n", "concurrency.entry-points: (*T.M is not a function name")]
    public void BadEntryPointsAreOneLineErrors(string text, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigFile.Parse(text, "/p/.mapscope.yml"));
        Assert.StartsWith("/p/.mapscope.yml:1:", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    private static List<Framework.Diagnostic> Lint(string dir) =>
        [.. LintRunner.Run(new LintOptions
        {
            WorkingDirectory = dir,
            Loader = LoaderKind.Directory,
            Analyzers = [new ConcurrentMapAccessAnalyzer()],
        }).Diagnostics];

    // A race between two goroutines of one value names the other side as a related location.
    [SkippableFact]
    public void GoroutineRaceNamesTheOtherSide()
    {
        var findings = AnalysisTest.Run(new ConcurrentMapAccessAnalyzer(), AnalysisTest.Testdata("ConcurrentMapAccess"));
        var inflight = Assert.Single(findings, d => d.File.EndsWith("loops.go", StringComparison.Ordinal) && d.Message.Contains("c.inflight", StringComparison.Ordinal));
        var other = Assert.Single(inflight.Related);
        Assert.Equal(37, other.Line);
        Assert.Contains("go c.retryLoop()", other.Message, StringComparison.Ordinal);
    }
}
