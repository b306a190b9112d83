using System.Text.Json;
using System.Xml.Linq;
using MapScope.Analysis.Framework;
using MapScope.TestSupport;

namespace MapScope.Cli.Tests.Lint;

/// <summary>`mapscope lint` end to end on a module written to a temp folder, with test-only rules.</summary>
public sealed class LintCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mapscope-lint-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly IReadOnlyList<Analyzer> _rules = [new MapIndexWriteAnalyzer(), new QuietAnalyzer()];

    public LintCommandTests()
    {
        Write("go.mod", "module example.com/lintme\n\ngo 1.19\n");
        Write("store/store.go", "package store\n\nvar byID = map[int]string{}\n\nfunc Put(id int, s string) {\n\tbyID[id] = s\n}\n");
        Write("clean/clean.go", "package clean\n\nfunc Get(m map[int]string) string { return m[1] }\n");
    }

    public void Dispose() => Directory.Delete(_dir, true);

    private void Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private CliRun Lint(params string[] args)
    {
        GoToolchain.RequireGoRootSrc();
        using (LintRules.Use(_rules))
            return CliRun.In(_dir, null, ["lint", "--loader", "dir", .. args]);
    }

    [SkippableFact]
    public void FindingsAreTextLinesAndExitOne()
    {
        var run = Lint();
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["store/store.go:6:2: write to map byID (test-map-write)"], run.OutLines);
        Assert.Empty(run.Messages);
    }

    [SkippableFact]
    public void CleanPackagesExitZero()
    {
        var run = Lint("./clean");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
    }

    [SkippableFact]
    public void SeverityAndDisableFilter()
    {
        Assert.Equal(0, Lint("--severity", "error").ExitCode);
        Assert.Equal(0, Lint("--disable", "test-map-write").ExitCode);
        // severity raised in .mapscope.yml survives --severity error
        Write(".mapscope.yml", "rules:\n  test-map-write: {severity: error}\n");
        var run = Lint("--severity", "error", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error", JsonDocument.Parse(run.Out).RootElement.GetProperty("diagnostics")[0].GetProperty("severity").GetString());
    }

    [SkippableFact]
    public void SuppressedFindingsAreNotReported()
    {
        Write("store/store.go", "package store\n\nvar byID = map[int]string{}\n\nfunc Put(id int, s string) {\n\t//mapscope:ignore test-map-write ids are unique\n\tbyID[id] = s\n}\n");
        var run = Lint();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
    }

    [SkippableTheory]
    [InlineData("./nothing/...")]
    [InlineData("./clean/...", "./store/nothing")]
    public void PatternsMatchingNothingExitTwo(params string[] patterns)
    {
        var run = Lint(patterns);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nothing", run.Error);
    }

    [SkippableFact]
    public void BadConfigIsOneLineNamingTheFile()
    {
        Write(".mapscope.yml", "rules:\n  test-map-write: {enabled: sometimes}\n");
        var run = Lint();
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"mapscope: {Path.Combine(_dir, ".mapscope.yml")}:2:29: rules.test-map-write.enabled: expected true or false", run.Messages[0]);
        Assert.Equal("", run.Out);
    }

    [SkippableFact]
    public void UnknownRuleIdsAreUsageErrors()
    {
        var run = Lint("--enable", "test-map-writ");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--enable: unknown rule test-map-writ", run.Error);
    }

    [SkippableFact]
    public void MachineFormatsParse()
    {
        var json = JsonDocument.Parse(Lint("--format", "json").Out).RootElement;
        Assert.Equal("mapscope.lint/1", json.GetProperty("schema").GetString());
        Assert.Equal(2, json.GetProperty("packages").GetInt32());
        Assert.Equal("store/store.go", json.GetProperty("diagnostics")[0].GetProperty("file").GetString());

        var sarif = JsonDocument.Parse(Lint("--format", "sarif").Out).RootElement;
        Assert.Empty(SarifStructure.Problems(sarif));
        var result = sarif.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal("store/store.go", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());

        var checkstyle = XDocument.Parse(Lint("--format", "checkstyle").Out);
        Assert.Equal("store/store.go", checkstyle.Root!.Element("file")!.Attribute("name")!.Value);

        Assert.Equal(["::warning file=store/store.go,line=6,col=2,endLine=6,endColumn=10,title=test-map-write::write to map byID"], Lint("--format", "github").OutLines);
    }

    [SkippableFact]
    public void OutputGoesToTheFileAndNeverOverAGoFile()
    {
        var run = Lint("--format", "sarif", "-o", "out.sarif");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Empty(SarifStructure.Problems(JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "out.sarif"))).RootElement));

        var clash = Lint("-o", "store/store.go");
        Assert.Equal(2, clash.ExitCode);
        Assert.StartsWith("package store", File.ReadAllText(Path.Combine(_dir, "store/store.go")));
    }

    [SkippableFact]
    public void ProgressOnlyOnATerminal_SummaryOnStderrAlways()
    {
        GoToolchain.RequireGoRootSrc();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code;
        using (LintRules.Use(_rules))
            code = CliApp.Run(["lint", "--loader", "dir"], stdout, stderr, CliHost.Detached(_dir) with { StderrIsTerminal = true });
        Assert.Equal(1, code);
        Assert.Equal("store/store.go:6:2: write to map byID (test-map-write)\n", stdout.ToString());
        var err = stderr.ToString();
        Assert.Contains("\r[2/2] example.com/lintme/store", err);
        Assert.EndsWith("1 finding in 2 packages, 1 rule\n", err);
        // the progress line is erased before the summary
        var lastLine = err[(err.LastIndexOf('\r') + 1)..];
        Assert.Equal("1 finding in 2 packages, 1 rule\n", lastLine);
        // a redirected stderr (Lint() uses a detached host) gets no progress, but the summary still (issue 13),
        // while stdout stays findings only
        var redirected = Lint();
        Assert.Equal(["1 finding in 2 packages, 1 rule"], redirected.ErrorLines);
        Assert.DoesNotContain('\r', redirected.Error);
        Assert.Equal(["store/store.go:6:2: write to map byID (test-map-write)"], redirected.OutLines);
    }

    [Fact]
    public void RulesListsIdSeverityDefaultAndTitle()
    {
        CliRun run;
        using (LintRules.Use(_rules))
            run = CliRun.Of("rules");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
        [
            "ID              SEVERITY  DEFAULT  TITLE",
            "test-map-write  warning   on       Writes to map elements (test rule)",
            "test-quiet      error     off      Never reports (test rule)",
        ], run.OutLines);
    }

    [Fact]
    public void WriteDocsWritesPagesAndRemovesOnlyStaleGeneratedOnes()
    {
        var docs = Path.Combine(_dir, "docs", "rules");
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(docs, "EVALUATION.md"), "# hand-written\n");
        File.WriteAllText(Path.Combine(docs, "old-rule.md"), Reports.Lint.RuleDocs.Marker + "\n# old-rule\n");
        CliRun run;
        using (LintRules.Use(_rules))
            run = CliRun.In(_dir, null, "rules", "--write-docs", "docs/rules");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["EVALUATION.md", "README.md", "test-map-write.md", "test-quiet.md"], Directory.GetFiles(docs).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var page = File.ReadAllText(Path.Combine(docs, "test-map-write.md"));
        Assert.Contains("```go\nm[k] = v\n```", page);
        Assert.Contains("```go\n_ = m[k]\n```", page);
        Assert.Contains("//mapscope:ignore test-map-write", page);
        Assert.Contains("| [test-quiet](test-quiet.md) | error | no |", File.ReadAllText(Path.Combine(docs, "README.md")));
    }
}
