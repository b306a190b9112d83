namespace MapScope.Cli.Tests;

/// <summary>Unreadable inputs: one line naming the input, exit 2, never a stack trace.</summary>
public class InputErrorTests
{
    [Fact]
    public void MissingFile_NamesIt_Exit2()
    {
        var run = CliRun.Of("ast", "no/such/file.go");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal(["mapscope: no/such/file.go: no such file or directory"], run.ErrorLines);
    }

    [Fact]
    public void SeveralMissingFiles_EachNamedInOrder()
    {
        var run = CliRun.Of("ast", "--format", "spans", "a.go", "b.go");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["mapscope: a.go: no such file or directory", "mapscope: b.go: no such file or directory"], run.ErrorLines);
    }

    [Fact]
    public void AbsolutePathUnderWorkingDirectory_IsShownRelative()
    {
        var missing = Path.Combine(MapScope.TestSupport.RepoPaths.Root, "examples", "missing.go");
        var run = CliRun.Of("ast", missing);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"mapscope: {Path.Combine("examples", "missing.go")}: no such file or directory", run.ErrorLines[0]);
    }

    [Fact]
    public void DirectoryWithoutGoFiles_Exit2()
    {
        var dir = Directory.CreateTempSubdirectory("mapscope-cli-");
        try
        {
            var run = CliRun.In(dir.FullName, null, "ast", ".");
            Assert.Equal(2, run.ExitCode);
            Assert.Equal(["mapscope: .: no .go files in directory"], run.ErrorLines);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
