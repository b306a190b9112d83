using System.Text.Json;
using MapScope.Analysis.Framework;
using MapScope.Cli.Tests.Lint;
using MapScope.TestSupport;

namespace MapScope.Cli.Tests.Reliability;

/// <summary>
/// Issue 13, wrong answers to CI: a linted package that does not parse (or is not valid UTF-8, or cannot be
/// read) fails the run with exit 2, in every format, while the other packages' findings are still reported;
/// a run that loads nothing still writes a well-formed report.
/// </summary>
public sealed class LintLoadErrorTests : TempTree
{
    private readonly IReadOnlyList<Analyzer> _rules = [new MapIndexWriteAnalyzer()];

    public LintLoadErrorTests()
    {
        Put("go.mod", "module example.com/m\n\ngo 1.19\n");
        Put("good/good.go", "package good\n\nvar byID = map[int]string{}\n\nfunc Put(id int) {\n\tbyID[id] = \"\"\n}\n");
    }

    private CliRun Lint(params string[] args)
    {
        GoToolchain.RequireGoRootSrc();
        using (LintRules.Use(_rules))
            return Run(["lint", "--loader", "dir", .. args]);
    }

    [SkippableFact]
    public void PackageThatDoesNotParse_Exit2_OtherFindingsStillPrinted()
    {
        Put("bad/bad.go", "package bad\n\nfunc F( {\n");
        var run = Lint();
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["good/good.go:6:2: write to map byID (test-map-write)"], run.OutLines);
        Assert.Contains(run.Messages, l => l.StartsWith("mapscope: lint: bad/bad.go:3:", StringComparison.Ordinal));
        Assert.Contains("the run is incomplete", run.Summary);
    }

    [SkippableFact]
    public void InvalidUtf8_Exit2_NamingTheFileAndPosition()
    {
        // A Latin-1 byte 0xFF inside a string literal: not UTF-8, which go/scanner rejects.
        Put("enc/enc.go", System.Text.Encoding.Latin1.GetBytes("package enc\n\nvar s = \"\u00ff\"\n"));
        var run = Lint("./enc");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("mapscope: lint: enc/enc.go:3:10: illegal UTF-8 encoding", run.Messages);
    }

    [SkippableFact]
    public void UnreadableOrOversizedFile_Exit2_NamingIt()
    {
        Put("big/big.go", "package big\n\n// " + new string('x', 5000) + "\n");
        var run = Lint("./big", "--max-input", "4KiB");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("mapscope: lint: big/big.go:1:1: cannot read the file: larger than the limit of 4 KiB (raise it with --max-input)", run.Messages);
    }

    [SkippableFact]
    public void Sarif_ExecutionNotSuccessful_WithANotification_AndTheFindings()
    {
        Put("bad/bad.go", "package bad\n\nfunc F( {\n");
        var run = Lint("--format", "sarif", "-o", "out.sarif");
        Assert.Equal(2, run.ExitCode);
        var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "out.sarif"))).RootElement.GetProperty("runs")[0];
        var invocation = sarif.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Contains(invocation.GetProperty("toolExecutionNotifications").EnumerateArray(),
            n => n.GetProperty("level").GetString() == "error" && n.GetProperty("message").GetProperty("text").GetString()!.StartsWith("bad/bad.go:3:", StringComparison.Ordinal));
        Assert.Equal(1, sarif.GetProperty("results").GetArrayLength());
    }

    [SkippableFact]
    public void Json_LoadErrorsListed_AndTheFindings()
    {
        Put("bad/bad.go", "package bad\n\nfunc F( {\n");
        var run = Lint("--format", "json");
        Assert.Equal(2, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.Contains(json.GetProperty("loadErrors").EnumerateArray(), e => e.GetString()!.StartsWith("bad/bad.go:3:", StringComparison.Ordinal));
        Assert.Empty(json.GetProperty("warnings").EnumerateArray());
        Assert.Equal(1, json.GetProperty("diagnostics").GetArrayLength());
    }

    [SkippableTheory]
    [InlineData("sarif")]
    [InlineData("json")]
    [InlineData("checkstyle")]
    public void PatternThatLoadsNothing_StillWritesAWellFormedReport(string format)
    {
        var run = Lint("./nope/...", "--format", format, "-o", "report.out");
        Assert.Equal(2, run.ExitCode);
        var text = File.ReadAllText(Path.Combine(Dir, "report.out"));
        if (format == "checkstyle") { System.Xml.Linq.XDocument.Parse(text); return; }
        var doc = JsonDocument.Parse(text).RootElement;
        if (format == "sarif")
        {
            var invocation = doc.GetProperty("runs")[0].GetProperty("invocations")[0];
            Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
            Assert.Contains("nope", invocation.GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString());
            Assert.Equal(0, doc.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        }
        else Assert.Contains("nope", doc.GetProperty("loadErrors")[0].GetString());
    }

    [SkippableFact]
    public void BadConfig_StillWritesAFailedSarifReport()
    {
        Put(".mapscope.yml", "rules:\n  test-map-write: {enabled: maybe}\n");
        var run = Lint("--format", "sarif", "-o", "out.sarif");
        Assert.Equal(2, run.ExitCode);
        var invocation = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "out.sarif"))).RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Contains(".mapscope.yml", invocation.GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString());
    }

    [SkippableFact]
    public void CleanRun_IsStillSuccessful()
    {
        var run = Lint("./good", "--format", "sarif");
        Assert.Equal(1, run.ExitCode);
        Assert.True(JsonDocument.Parse(run.Out).RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Theory]
    [InlineData("--bogus", "mapscope: unknown option '--bogus'")]
    [InlineData("-", "mapscope: -: types reads Go packages, not stdin")]
    public void Types_FlagOrStdinIsNotAPattern_Exit2(string argument, string expected)
    {
        var run = Run("types", "--maps", argument);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.ErrorLines[0]);
        Assert.Equal("", run.Out);
    }

    [SkippableFact]
    public void Types_PackageThatDoesNotParse_Exit2()
    {
        GoToolchain.RequireGoRootSrc();
        Put("bad/bad.go", "package bad\n\nvar m = map[int]int{}\nfunc F( {\n");
        var run = Run("types", "--maps", "--loader", "dir", "./bad");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("mapscope: types: bad/bad.go:4:", StringComparison.Ordinal));
    }
}
