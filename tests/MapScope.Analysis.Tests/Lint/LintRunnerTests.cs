using MapScope.Analysis.Framework;
using MapScope.Analysis.Lint;
using MapScope.Analysis.Tests.Harness;
using MapScope.TestSupport;

namespace MapScope.Analysis.Tests.Lint;

/// <summary>The whole lint pipeline on a small module written to a temp folder, with test analyzers (never RuleSet.All).</summary>
public sealed class LintRunnerTests : IDisposable
{
    private readonly TempModule _module = new(new()
    {
        ["a/a.go"] = "package a\n\nvar m = map[string]int{}\n\nfunc F() {\n\tm[\"x\"] = 1\n\t//mapscope:ignore test-map-write counted elsewhere\n\tm[\"y\"] = 2\n\tm[\"z\"] = 3 //mapscope:ignore test-map-write\n}\n",
        ["b/b.go"] = "package b\n\nfunc G(m map[int]bool) {\n\tm[1] = true\n\tm[2] = true\n}\n",
        ["gen/gen.go"] = "package gen\n\nfunc H(m map[int]int) { m[0] = 0 }\n",
        [".mapscope.yml"] = "exclude: [gen]\n",
    });

    public void Dispose() => _module.Dispose();

    private LintResult Run(Analyzer[] analyzers, string[]? patterns = null, string? cwd = null, Severity min = Severity.Info, string[]? enable = null) =>
        LintRunner.Run(new LintOptions
        {
            WorkingDirectory = cwd ?? _module.Dir,
            Patterns = patterns ?? [],
            Loader = LoaderKind.Directory,
            Analyzers = analyzers,
            MinimumSeverity = min,
            Enable = enable ?? [],
        });

    private static List<string> Lines(LintResult r) => r.Diagnostics.Select(d => $"{d.File}:{d.Line}:{d.Column}: {d.Severity.Name()} {d.RuleId}").ToList();

    [SkippableFact]
    public void FindingsAreFilteredSortedAndRelative()
    {
        GoToolchain.RequireGoRootSrc();
        var progress = new List<LintProgress>();
        var result = LintRunner.Run(new LintOptions
        {
            WorkingDirectory = _module.Dir,
            Loader = LoaderKind.Directory,
            Analyzers = [new MapWriteAnalyzer()],
            Progress = p => { lock (progress) progress.Add(p); }, // workers report concurrently
        });
        Assert.Equal(
        [
            "a/a.go:6:2: warning test-map-write",          // a.go:8 and a.go:9 are suppressed
            "a/a.go:9:13: warning ignore-directive",       // the directive on line 9 has no reason
            "b/b.go:4:2: warning test-map-write",
            "b/b.go:5:2: warning test-map-write",          // gen/ is excluded by .mapscope.yml
        ], Lines(result));
        // ends: m["x"] is 6 bytes; the directive comment (filled in by the runner from offsets) is 32
        Assert.Equal((6, 8), (result.Diagnostics[0].EndLine, result.Diagnostics[0].EndColumn));
        Assert.Equal((9, 45), (result.Diagnostics[1].EndLine, result.Diagnostics[1].EndColumn));
        Assert.Equal(3, result.Packages);
        Assert.Equal(["example.com/testdata/a", "example.com/testdata/b", "example.com/testdata/gen"], progress.Select(p => p.Package).Order(StringComparer.Ordinal));
        Assert.Equal([1, 2, 3], progress.Select(p => p.Done).Order());
        Assert.All(progress, p => Assert.Equal(3, p.Total));
        Assert.Empty(result.LoadErrors);
        Assert.Empty(result.InternalErrors);
    }

    [SkippableFact]
    public void AThrowingAnalyzerIsAnInternalErrorAndTheOthersStillReport()
    {
        GoToolchain.RequireGoRootSrc();
        var result = Run([new ThrowingAnalyzer(), new MapWriteAnalyzer()]);
        Assert.Equal(4, result.Diagnostics.Count);
        Assert.Equal(
        [
            "test-throws failed on example.com/testdata/a: InvalidOperationException: boom second line",
            "test-throws failed on example.com/testdata/b: InvalidOperationException: boom second line",
            "test-throws failed on example.com/testdata/gen: InvalidOperationException: boom second line",
        ], result.InternalErrors.Select(e => e.ToString()));
    }

    [SkippableFact]
    public void MinimumSeverityAndEnabling()
    {
        GoToolchain.RequireGoRootSrc();
        Assert.Empty(Run([new MapWriteAnalyzer()], min: Severity.Error).Diagnostics);
        // off by default, info: only with --enable, and dropped again by --severity warning
        Assert.DoesNotContain(Run([new PackageClauseAnalyzer()]).Diagnostics, d => d.RuleId == "test-package");
        // test-map-write is not among the analyzers now, so both directives in a.go name an unknown rule
        string[] directives = ["a/a.go:7:2: warning ignore-directive", "a/a.go:9:13: warning ignore-directive", "a/a.go:9:13: warning ignore-directive"];
        Assert.Equal(["a/a.go:1:9: info test-package", .. directives, "b/b.go:1:9: info test-package"],
            Lines(Run([new PackageClauseAnalyzer()], enable: ["test-package"])));
        Assert.Equal(directives, Lines(Run([new PackageClauseAnalyzer()], enable: ["test-package"], min: Severity.Warning)));
    }

    [SkippableFact]
    public void SameFindingTwiceIsReportedOnce()
    {
        GoToolchain.RequireGoRootSrc();
        var result = Run([new MapWriteAnalyzer(), new TwiceAnalyzer()], patterns: ["./b"]);
        Assert.Equal(["b/b.go:1:1: error test-twice", "b/b.go:4:2: warning test-map-write", "b/b.go:5:2: warning test-map-write"], Lines(result));
    }

    [SkippableFact]
    public void PatternsThatMatchNothingAreLoadErrors()
    {
        GoToolchain.RequireGoRootSrc();
        var result = Run([new MapWriteAnalyzer()], patterns: ["./b", "./nothing/...", "./gen/..."]);
        Assert.Equal(["pattern ./nothing/... matched no packages"], result.LoadErrors);
        Assert.Equal(2, result.Packages);
        var none = Run([new MapWriteAnalyzer()], patterns: ["./nothing/..."]);
        Assert.NotEmpty(none.LoadErrors);
        Assert.Equal(0, none.Packages);
    }

    [SkippableFact]
    public void SyntaxErrorsAreLoadErrorsAndTheRestIsStillLinted()
    {
        GoToolchain.RequireGoRootSrc();
        File.WriteAllText(Path.Combine(_module.Dir, "b", "broken.go"), "package b\n\nfunc Broken( {\n");
        var result = Run([new MapWriteAnalyzer()], patterns: ["./b"]);
        // A package that does not parse is not what go builds: the run is incomplete (exit 2), not clean (issue 13).
        Assert.Contains(result.LoadErrors, w => w.StartsWith("b/broken.go:3:", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("broken.go", StringComparison.Ordinal));
        Assert.Equal(["b/b.go:4:2: warning test-map-write", "b/b.go:5:2: warning test-map-write"], Lines(result));
    }

    [SkippableFact]
    public void PathsOutsideTheWorkingDirectoryStayAbsolute()
    {
        GoToolchain.RequireGoRootSrc();
        var result = Run([new MapWriteAnalyzer()], patterns: ["../a"], cwd: Path.Combine(_module.Dir, "b"));
        Assert.Equal(Path.Combine(_module.Dir, "a", "a.go"), result.Diagnostics[0].File);
    }

    [SkippableFact]
    public void GoListLoaderGivesTheSameFindings()
    {
        GoToolchain.RequireGoRootSrc();
        var viaGo = LintRunner.Run(new LintOptions { WorkingDirectory = _module.Dir, Loader = LoaderKind.Go, Analyzers = [new MapWriteAnalyzer()] });
        Assert.Equal(Lines(Run([new MapWriteAnalyzer()])), Lines(viaGo));
    }

    /// <summary>Reports the same finding twice per file.</summary>
    private sealed class TwiceAnalyzer : Analyzer
    {
        public override string Id => "test-twice";
        public override string Title => "twice";
        public override string Doc => "";
        public override string BadExample => "";
        public override string GoodExample => "";
        public override Severity DefaultSeverity => Severity.Error;

        public override void Run(Pass pass)
        {
            foreach (var f in pass.Files)
                for (int i = 0; i < 2; i++) pass.Report(f, f.File, "package clause");
        }
    }
}
