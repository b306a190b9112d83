using System.Diagnostics;

namespace MapScope.Cli.Tests.Reliability;

/// <summary>Issue 13, small things a user notices: help and version words, examples, paths, summaries, the script.</summary>
public sealed class SmallThingsTests : TempTree
{
    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    public void Help_Exit0_ExamplesShowLint(string word)
    {
        var run = CliRun.Of(word);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  mapscope lint ", run.Out);
        Assert.DoesNotContain("[default: -]", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void HelpLint_IsLintsHelp()
    {
        var run = CliRun.Of("help", "lint");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRun.Of("lint", "--help").Out, run.Out);
        Assert.Contains("--max-input", run.Out);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("-V")]
    [InlineData("--version")]
    public void Version_Exit0(string word)
    {
        var run = CliRun.Of(word);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"mapscope {CliApp.Version}", run.Out.Trim());
    }

    [Theory]
    [InlineData("gctrace")]
    [InlineData("escape")]
    [InlineData("crash")]
    public void LogArgumentHelp_HasNoDefaultDash(string command) =>
        Assert.DoesNotContain("[default: -]", CliRun.Of(command, "--help").Out);

    [Fact]
    public void Crash_CulpritIsTheSourceFile_RelativeLikeTheDeclarations()
    {
        foreach (var f in new[] { "main.go", "go.mod", "crash.log" }) Fixture($"tests/fixtures/crash/writes/{f}", $"app/{f}");
        var run = Run("crash", "app/crash.log", "--source", "app");
        Assert.Equal(1, run.ExitCode);
        var culprit = Assert.Single(run.OutLines, l => l.TrimStart().StartsWith("culprit:", StringComparison.Ordinal));
        Assert.StartsWith("  culprit: app/main.go:13: main.writer", culprit);
        Assert.Contains(run.OutLines, l => l.Contains("declared at app/main.go:8:5", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Script_FollowsASymlink_AndSaysWhenItBuilds()
    {
        if (OperatingSystem.IsWindows()) throw new SkipException("the script is bash");
        // A copy of the script beside a fake source tree, and a fake dotnet that records what it was asked.
        var repo = Path.Combine(Dir, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "src/MapScope.Cli"));
        File.Copy(MapScope.TestSupport.RepoPaths.Combine("mapscope"), Path.Combine(repo, "mapscope"));
        File.WriteAllText(Path.Combine(repo, "Directory.Build.props"), "<Project/>\n");
        File.WriteAllText(Path.Combine(repo, "src/MapScope.Cli/Program.cs"), "\n");
        var bin = Path.Combine(Dir, "bin");
        Directory.CreateDirectory(bin);
        var log = Path.Combine(Dir, "dotnet.log");
        File.WriteAllText(Path.Combine(bin, "dotnet"),
            "#!/usr/bin/env bash\necho \"$@\" >> " + log + "\n" +
            "if [[ \"$1\" == build ]]; then while [[ $# -gt 0 ]]; do if [[ \"$1\" == -o ]]; then mkdir -p \"$2\"; touch \"$2/mapscope.dll\"; fi; shift; done; fi\n");
        File.SetUnixFileMode(Path.Combine(bin, "dotnet"), (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(repo, "mapscope"), (UnixFileMode)0b111_101_101);
        File.CreateSymbolicLink(Path.Combine(bin, "mapscope"), Path.Combine(repo, "mapscope"));

        var (code, stderr) = Sh(Path.Combine(bin, "mapscope"), bin, "lint", "./...");
        Assert.Equal(0, code);
        Assert.Contains("building mapscope (first run", stderr);
        var calls = File.ReadAllLines(log);
        Assert.Contains(calls, c => c.StartsWith($"build {repo}/src/MapScope.Cli/MapScope.Cli.csproj", StringComparison.Ordinal));
        Assert.Equal($"{repo}/.artifacts/cli/mapscope.dll lint ./...", calls[^1]);

        // Built and unchanged: silent.
        (code, stderr) = Sh(Path.Combine(bin, "mapscope"), bin, "version");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
    }

    private (int Code, string Stderr) Sh(string script, string bin, params string[] args)
    {
        var start = new ProcessStartInfo(script, args) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Dir };
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stderr);
    }
}
