namespace MapScope.Cli.Tests.Reliability;

/// <summary>
/// Inputs the AFL++ harnesses (tests/fuzz) found that made a reader throw something other than its bad-input
/// error — exit 3 "internal error" from the CLI. Each is reduced to its shape and must now be an ordinary
/// outcome: the line skipped and counted, or a one-line error naming the file with exit 2.
/// </summary>
public sealed class FuzzRegressionTests : TempTree
{
    private const string Header = "{\"version\":0,\"package\":\"main\",\"goos\":\"linux\",\"goarch\":\"amd64\",\"gc_version\":\"go1.24\",\"file\":\"main.go\"}\n";
    private const string Diagnostic = "{\"range\":{\"start\":{\"line\":7,\"character\":10},\"end\":{\"line\":7,\"character\":10}},\"severity\":3,\"code\":\"escape\",\"source\":\"go compiler\",\"message\":\"make(map[string]int) escapes to heap\"}\n";

    [Theory]
    // a string that is not UTF-8 where a file name belongs (escape-json, 39 of 46 crashes)
    [InlineData("{\"version\":0,\"package\":\"main\",\"file\":\"\xff.go\"}\n")]
    // a string where a line number belongs
    [InlineData("{\"range\":{\"start\":{\"line\":\"7\",\"character\":10},\"end\":{\"line\":7,\"character\":10}},\"message\":\"x escapes to heap\"}\n")]
    // a number where an object belongs (relatedInformation[].location)
    [InlineData("{\"range\":{\"start\":{\"line\":7,\"character\":10},\"end\":{\"line\":7,\"character\":10}},\"message\":\"x escapes to heap\",\"relatedInformation\":[{\"location\":3,\"message\":\"escflow: from x (spill) at main.go:8:5\"}]}\n")]
    public void EscapeJson_WrongShapeOrEncoding_IsASkippedLine(string bad)
    {
        Put("esc/main/main.json", System.Text.Encoding.Latin1.GetBytes(Header + bad + Diagnostic));
        var run = Run("escape", "esc", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("make(map[string]int)", run.Out);
        Assert.DoesNotContain("internal error", run.Error);
    }

    [SkippableTheory]
    // a flow mapping broken across lines by another key (InvalidOperationException in YamlDotNet)
    [InlineData("rues:\n  nilte: {severiles:\n  nilte: {severity:\nerror}\n  rang: {enabled: false}\nexclude: [\"vendor/**\"]\n")]
    // control characters and NULs where mapping keys belong (ArgumentException in YamlDotNet), the second run's find
    [InlineData("rulesrulew:\u000a : rite nilty: error}enabangD \u001cntry\u0094polse}\u000aexclude: d.com/aeq\u0000\u0000\u0000\u0000**\"]\u000a")]
    public void Config_MalformedYamlYamlDotNetGivesUpOn_IsAConfigError(string config)
    {
        MapScope.TestSupport.GoToolchain.RequireGoRootSrc();
        Put("go.mod", "module example.com/m\n\ngo 1.22\n");
        Put("p/p.go", "package p\n");
        Put(".mapscope.yml", System.Text.Encoding.Latin1.GetBytes(config));
        var run = Run("lint", "--loader", "dir");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"mapscope: {Path.Combine(Dir, ".mapscope.yml")}", run.ErrorLines[0]);
        Assert.Contains("invalid YAML", run.ErrorLines[0]);
    }
}
