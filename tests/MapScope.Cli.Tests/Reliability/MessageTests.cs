namespace MapScope.Cli.Tests.Reliability;

/// <summary>Issue 13, messages: every error is "mapscope: INPUT: message", naming the path or option it is about.</summary>
public sealed class MessageTests : TempTree
{
    private const string Profile = "tests/fixtures/heap/cache/profiles/heap-3.pb.gz";

    [Theory]
    [InlineData("heap")]
    [InlineData("gctrace")]
    [InlineData("crash")]
    [InlineData("escape")]
    public void OutputInAMissingDirectory_NamesTheOutput(string command)
    {
        Fixture(Profile, "in.pb.gz");
        AssertRefused(Run(command, "in.pb.gz", "-o", "nodir/x"), "nodir/x", $"--output: no such directory {Path.Combine(Dir, "nodir")}");
    }

    [Theory]
    [InlineData("heap")]
    [InlineData("gctrace")]
    public void OutputIsADirectory_NamesTheOutput(string command)
    {
        Fixture(Profile, "in.pb.gz");
        Directory.CreateDirectory(Path.Combine(Dir, "existing"));
        AssertRefused(Run(command, "in.pb.gz", "-o", "existing"), "existing", "--output is a directory");
    }

    [Fact]
    public void HeapOfADirectory_SaysSo()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "profiles"));
        AssertRefused(Run("heap", "profiles"), "profiles", "is a directory, not a profile");
    }

    [Theory]
    [InlineData("heap", "in.pb.gz")]
    [InlineData("crash", "in.pb.gz")]
    [InlineData("escape", "in.pb.gz")]
    public void SourceIsAFile_SaysItIsNotADirectory(string command, string input)
    {
        Fixture(Profile, input);
        Put("main.go", "package main\n");
        AssertRefused(Run(command, input, "--source", "main.go"), "main.go", "--source is a file, not a directory");
        AssertRefused(Run(command, input, "--source", "nowhere"), "nowhere", "--source: no such directory");
    }

    [Fact]
    public void RulesWriteDocsToAFile_NamesIt()
    {
        Put("notes.md", "x\n");
        AssertRefused(Run("rules", "--write-docs", "notes.md"), "notes.md", "--write-docs needs a directory");
        Assert.Equal("x\n", File.ReadAllText(Path.Combine(Dir, "notes.md")));
    }

    [Theory]
    [InlineData("lint", "--format", "yaml", "--format: unknown value 'yaml' (choose one of text, json, sarif, github, checkstyle)")]
    [InlineData("lint", "--severity", "fatal", "--severity: unknown value 'fatal' (choose one of info, warning, error)")]
    [InlineData("lint", "--loader", "gopls", "--loader: unknown value 'gopls' (choose one of auto, go, dir)")]
    [InlineData("heap", "--format", "pdf", "--format: unknown value 'pdf' (choose one of text, json, html)")]
    [InlineData("heap", "--top", "many", "--top: 'many' is not a whole number")]
    [InlineData("ast", "--format", "xml", "--format: unknown value 'xml' (choose one of tree, spans)")]
    public void BadEnumOrNumber_NamesTheOption(string command, string option, string value, string expected)
    {
        var args = command == "heap" || command == "ast" ? new[] { command, "x", option, value } : [command, option, value];
        var run = Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("mapscope: " + expected, run.ErrorLines[0]);
    }

    [Fact]
    public void UnknownOptionAfterAnArgument_IsCalledAnOption()
    {
        var run = Run("gctrace", "gc.log", "--max-decompressed", "1MiB");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("mapscope: unknown option '--max-decompressed'", run.ErrorLines[0]);
    }
}
