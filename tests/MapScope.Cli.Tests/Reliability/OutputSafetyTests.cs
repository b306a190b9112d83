namespace MapScope.Cli.Tests.Reliability;

/// <summary>
/// Issue 13, data loss: --output never replaces an input (by any name: path, symlink, hard link), a file
/// under --source or a linted package that is not a report, or a file the go command reads; reports are
/// renamed into place whole.
/// </summary>
public sealed class OutputSafetyTests : TempTree
{
    private const string Profile = "tests/fixtures/heap/cache/profiles/heap-3.pb.gz";
    private const string CrashDir = "tests/fixtures/crash/writes";

    [Theory]
    [InlineData("link")]
    [InlineData("hard")]
    [InlineData("path")]
    public void Heap_OutputIsTheProfileByAnyName_Refused(string how)
    {
        Fixture(Profile, "in.pb.gz");
        var output = how switch { "link" => "link.pb.gz", "hard" => "hard.pb.gz", _ => "./in.pb.gz" };
        if (how == "link") Symlink("link.pb.gz", "in.pb.gz");
        if (how == "hard") HardLink("hard.pb.gz", "in.pb.gz");
        var before = Snapshot();
        AssertRefused(Run("heap", "in.pb.gz", "-o", output), output, "--output is the input in.pb.gz");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Heap_OutputIsTheBaseThroughAHardLink_Refused()
    {
        Fixture(Profile, "now.pb.gz");
        Fixture(Profile, "base.pb.gz");
        HardLink("saved.txt", "base.pb.gz");
        var before = Snapshot();
        AssertRefused(Run("heap", "now.pb.gz", "--base", "base.pb.gz", "-o", "saved.txt"), "saved.txt", "--output is the input base.pb.gz");
        Assert.Equal(before, Snapshot());
    }

    [SkippableFact]
    public void Lint_OutputSymlinkToAGoFile_Refused()
    {
        MapScope.TestSupport.GoToolchain.RequireGoRootSrc();
        Put("go.mod", "module example.com/m\n\ngo 1.22\n");
        Put("p/p.go", "package p\n\nvar m = map[int]int{}\n\nfunc F() { m[1] = 1 }\n");
        Symlink("link.txt", "p/p.go");
        var before = Snapshot();
        AssertRefused(Run("lint", "--loader", "dir", "-o", "link.txt"), "link.txt", "Go source file");
        Assert.Equal(before, Snapshot());
    }

    [SkippableTheory]
    [InlineData("go.mod")]
    [InlineData("go.sum")]
    [InlineData("go.work")]
    [InlineData(".mapscope.yml")]
    public void Lint_OutputIsAFileTheGoCommandReads_Refused(string name)
    {
        MapScope.TestSupport.GoToolchain.RequireGoRootSrc();
        Put("go.mod", "module example.com/m\n\ngo 1.22\n");
        if (name != "go.mod") Put(name, name == ".mapscope.yml" ? "rules: {}\n" : "x\n");
        Put("p/p.go", "package p\n");
        var before = Snapshot();
        AssertRefused(Run("lint", "--loader", "dir", "-o", name), name, $"--output would replace {name}");
        Assert.Equal(before, Snapshot());
    }

    [SkippableFact]
    public void Lint_OutputReplacesAHandWrittenFileInALintedPackage_Refused_ButANewReportIsWritten()
    {
        MapScope.TestSupport.GoToolchain.RequireGoRootSrc();
        Put("go.mod", "module example.com/m\n\ngo 1.22\n");
        Put("p/p.go", "package p\n");
        Put("p/NOTES", "my notes\n");
        var before = Snapshot();
        AssertRefused(Run("lint", "--loader", "dir", "./p", "-o", "p/NOTES"), "p/NOTES", "in the linted package folder p, which is not a report");
        Assert.Equal(before, Snapshot());
        var ok = Run("lint", "--loader", "dir", "./p", "-o", "p/lint.txt", "--format", "json");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("mapscope.lint/1", File.ReadAllText(Path.Combine(Dir, "p/lint.txt")));
        // Re-running over the earlier report is fine: it is a report.
        Assert.Equal(0, Run("lint", "--loader", "dir", "./p", "-o", "p/lint.txt").ExitCode);
    }

    [Theory]
    [InlineData("crash", "crash.log")]
    [InlineData("heap", "in.pb.gz")]
    [InlineData("escape", "build.log")]
    public void EvidenceCommand_OutputIsASourceFileUnderSource_Refused(string command, string input)
    {
        foreach (var f in new[] { "main.go", "go.mod", "crash.log" }) Fixture($"{CrashDir}/{f}", f);
        Fixture(Profile, "in.pb.gz");
        Put("build.log", "./main.go:8:5: moved to heap: counts\n");
        Put("README.md", "# mine\n");
        var before = Snapshot();
        AssertRefused(Run(command, input, "--source", ".", "-o", "main.go"), "main.go", "Go source file");
        AssertRefused(Run(command, input, "--source", ".", "-o", "README.md"), "README.md", "in --source ., which is not a report");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Escape_OutputInsideTheJsonFolder_Refused()
    {
        Put("json/main/main.json", "{\"version\":0,\"package\":\"main\",\"goos\":\"linux\",\"goarch\":\"amd64\",\"gc_version\":\"go1.24\",\"file\":\"main.go\"}\n");
        var before = Snapshot();
        AssertRefused(Run("escape", "json", "-o", "json/main/main.json"), "json/main/main.json", "--output is inside json");
        AssertRefused(Run("escape", "json", "-o", "json/new.txt"), "json/new.txt", "every file is read as input");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Gctrace_OutputThroughASymlinkedDirectoryToTheLog_Refused()
    {
        Fixture("tests/fixtures/gctrace/steady.log", "logs/gc.log");
        Directory.CreateSymbolicLink(Path.Combine(Dir, "alias"), Path.Combine(Dir, "logs"));
        var before = Snapshot();
        AssertRefused(Run("gctrace", "logs/gc.log", "-o", "alias/gc.log"), "alias/gc.log", "--output is the input logs/gc.log");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Report_ReplacesAnEarlierReportWhole_AndLeavesNoTemporaryFile()
    {
        Fixture(Profile, "in.pb.gz");
        Put("report.txt", new string('x', 100_000));
        var run = Run("heap", "in.pb.gz", "-o", "report.txt");
        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(Path.Combine(Dir, "report.txt"));
        Assert.DoesNotContain("xxx", text);
        Assert.Contains("in.pb.gz", text);
        Assert.Empty(Directory.EnumerateFiles(Dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Report_ThroughASymlink_WritesTheTargetAndKeepsTheLink()
    {
        Fixture(Profile, "in.pb.gz");
        Put("reports/heap.txt", "old\n");
        Symlink("latest.txt", "reports/heap.txt");
        Assert.Equal(0, Run("heap", "in.pb.gz", "-o", "latest.txt").ExitCode);
        Assert.NotNull(new FileInfo(Path.Combine(Dir, "latest.txt")).LinkTarget);
        Assert.Contains("in.pb.gz", File.ReadAllText(Path.Combine(Dir, "reports/heap.txt")));
    }

    [Fact]
    public void RulesWriteDocs_RefusesToReplaceAHandWrittenReadme_AndReplacesItsOwnPages()
    {
        Put("docs/README.md", "# our own index\n");
        var before = Snapshot();
        AssertRefused(Run("rules", "--write-docs", "docs"), Path.Combine("docs", "README.md"), "did not generate");
        Assert.Equal(before, Snapshot());

        File.Delete(Path.Combine(Dir, "docs/README.md"));
        Assert.Equal(0, Run("rules", "--write-docs", "docs").ExitCode);
        Put("docs/EVALUATION.md", "hand-written, not a rule page\n");
        var second = Run("rules", "--write-docs", "docs");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("hand-written, not a rule page\n", File.ReadAllText(Path.Combine(Dir, "docs/EVALUATION.md")));
        Assert.StartsWith(MapScope.Reports.Lint.RuleDocs.Marker, File.ReadAllText(Path.Combine(Dir, "docs/README.md")));
    }

    [SkippableFact]
    public void Gctrace_OutputIsTheFileRedirectedIntoStdin_Refused()
    {
        if (OperatingSystem.IsWindows()) throw new SkipException("needs a shell redirect");
        // Only a real process has a descriptor 0 to compare: run the built CLI through bash.
        Fixture("tests/fixtures/gctrace/steady.log", "gc.log");
        var before = Snapshot();
        var dll = Path.Combine(AppContext.BaseDirectory, "mapscope.dll");
        var start = new System.Diagnostics.ProcessStartInfo("bash", ["-c", $"dotnet '{dll}' gctrace - -o gc.log < gc.log"])
        {
            WorkingDirectory = Dir,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var p = System.Diagnostics.Process.Start(start)!;
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(2, p.ExitCode);
        Assert.Equal("mapscope: gc.log: --output is the file redirected into stdin; write the report to another file", stderr.Trim());
        Assert.Equal(before, Snapshot());
    }
}
