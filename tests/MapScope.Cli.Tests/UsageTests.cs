namespace MapScope.Cli.Tests;

/// <summary>--help, --version and bad usage: exit codes and the one-line error convention.</summary>
public class UsageTests
{
    [Fact]
    public void Version_PrintsNameAndVersionFromTheBuild()
    {
        var run = CliRun.Of("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("mapscope 0.1.0", run.Out.Trim());
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Help_ListsAstWithExamples()
    {
        var run = CliRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.TrimStart().StartsWith("ast ", StringComparison.Ordinal));
        Assert.Contains("Examples:", run.Out);
        Assert.Contains("mapscope ast examples/", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void AstHelp_DocumentsFormatsAndExitCodes()
    {
        var run = CliRun.Of("ast", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--format", run.Out);
        Assert.Contains("spans", run.Out);
        Assert.Contains("1 some file has syntax errors", run.Out);
    }

    [Fact]
    public void UnknownCommand_OneErrorLineAndAHint_Exit2()
    {
        var run = CliRun.Of("frobnicate", "x.go");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        var lines = run.ErrorLines;
        Assert.Equal(2, lines.Length);
        Assert.Equal("mapscope: unknown command 'frobnicate'", lines[0]);
        Assert.Contains("mapscope --help", lines[1]);
    }

    [Fact]
    public void NoCommand_Exit2()
    {
        var run = CliRun.Of();
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("mapscope: no command given", run.ErrorLines[0]);
        Assert.True(run.ErrorLines.Length <= 2);
    }

    [Fact]
    public void BadFormat_NamesTheValue_Exit2()
    {
        var run = CliRun.Of("ast", "--format", "xml", "examples/cache/cache.go");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.True(run.ErrorLines.Length is 1 or 2, run.Error);
        Assert.StartsWith("mapscope: ", run.ErrorLines[0]);
        Assert.Contains("'xml'", run.ErrorLines[0]);
        Assert.Contains("mapscope ast --help", run.Error);
    }

    [Fact]
    public void UnknownOption_IsNotTakenForAFile_Exit2()
    {
        var run = CliRun.Of("ast", "--fromat", "spans", "examples/cache/cache.go");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("mapscope: unknown option '--fromat'", run.ErrorLines[0]);
    }

    [Fact]
    public void AstWithoutFiles_Exit2()
    {
        var run = CliRun.Of("ast");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("FILE", run.ErrorLines[0]);
        Assert.True(run.ErrorLines.Length <= 2);
    }
}
