using MapScope.TestSupport;

namespace MapScope.Cli.Tests.Reliability;

/// <summary>
/// Issue 13, the generated matrix: every command that reads a file × every kind of bad input, and every command
/// that writes a report × every way --output can hit an input. Each row must end with the expected exit code,
/// no stack trace, stderr lines that are "mapscope: ..." or the command's own "path:line:col: ..." diagnostics,
/// one of them naming the input, every file in the folder byte-identical afterwards (nothing created either),
/// and bounded allocation.
/// </summary>
public sealed class BadInputMatrixTests : TempTree
{
    /// <summary>Each command with the arguments that come before and after the input.</summary>
    private static readonly Dictionary<string, (string[] Before, string[] After, bool NeedsGo)> Commands = new()
    {
        ["ast"] = (["ast"], ["--max-input", "1MiB"], false),
        ["lint"] = (["lint", "--loader", "dir"], ["--max-input", "1MiB"], true),
        ["types"] = (["types", "--maps", "--loader", "dir"], ["--max-input", "1MiB"], true),
        ["heap"] = (["heap"], ["--max-input", "1MiB", "--max-decompressed", "16MiB"], false),
        ["gctrace"] = (["gctrace"], ["--max-input", "1MiB"], false),
        ["escape"] = (["escape"], ["--max-input", "1MiB"], false),
        ["crash"] = (["crash"], ["--max-input", "1MiB"], false),
    };

    private static readonly string[] Inputs = ["missing", "directory", "empty", "binary", "truncated-gzip", "gzip-bomb", "invalid-utf8", "dev-zero", "stdin-empty"];

    /// <summary>ast reports unparsable Go as syntax errors (exit 1); everything else refuses with 2.</summary>
    private static int ExpectedExit(string command, string input) =>
        command == "ast" && input is "empty" or "binary" or "truncated-gzip" or "gzip-bomb" or "invalid-utf8" or "stdin-empty" ? 1 : 2;

    public static TheoryData<string, string> InputRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var command in Commands.Keys)
            foreach (var input in Inputs)
                rows.Add(command, input);
        return rows;
    }

    public static TheoryData<string, string> OutputRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var command in new[] { "lint", "heap", "gctrace", "escape", "crash" })
            foreach (var how in new[] { "same-path", "dot-path", "symlink", "hardlink", "missing-directory" })
                rows.Add(command, how);
        return rows;
    }

    [SkippableTheory]
    [MemberData(nameof(InputRows))]
    public void BadInput(string command, string input)
    {
        var (before, after, needsGo) = Commands[command];
        if (needsGo) GoToolchain.RequireGoRootSrc();
        if (input == "dev-zero") Skip.IfNot(File.Exists("/dev/zero"));
        Put("go.mod", "module example.com/matrix\n\ngo 1.22\n");
        var path = Plant(input);
        var snapshot = Snapshot();

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var run = Run([.. before, path, .. after]);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.True(ExpectedExit(command, input) == run.ExitCode, $"exit {run.ExitCode}, expected {ExpectedExit(command, input)}:\n{run.Error}");
        AssertWellFormedErrors(run, path == "-" ? ["<stdin>", "-"] : [path]);
        Assert.Equal(snapshot, Snapshot());
        Assert.True(allocated < 64L << 20, $"allocated {allocated >> 20} MiB on the calling thread");
    }

    [SkippableTheory]
    [MemberData(nameof(OutputRows))]
    public void OutputHitsTheInput(string command, string how)
    {
        if (command == "lint") GoToolchain.RequireGoRootSrc();
        Put("go.mod", "module example.com/matrix\n\ngo 1.22\n");
        var input = command switch
        {
            "lint" => Put("p/in.go", "package p\n\nvar m = map[int]int{}\n\nfunc F() { m[1] = 1 }\n"),
            "heap" => Fixture("tests/fixtures/heap/cache/profiles/heap-3.pb.gz", "in.log"),
            "gctrace" => Fixture("tests/fixtures/gctrace/steady.log", "in.log"),
            "crash" => Fixture("tests/fixtures/crash/writes/crash.log", "in.log"),
            _ => Put("in.log", "./main.go:8:5: moved to heap: x\n"),
        };
        var given = Path.GetRelativePath(Dir, input);
        var output = how switch
        {
            "same-path" => given,
            "dot-path" => "./" + given,
            "symlink" => "out.txt",
            "hardlink" => "out.txt",
            _ => "nodir/out.txt",
        };
        if (how == "symlink") Symlink("out.txt", given);
        if (how == "hardlink") HardLink("out.txt", given);
        var snapshot = Snapshot();

        var (before, after, _) = Commands[command];
        var run = Run([.. before, given, .. after, "-o", output]);

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}:\n{run.Error}");
        var line = Assert.Single(run.ErrorLines, l => !l.StartsWith("run 'mapscope", StringComparison.Ordinal));
        Assert.StartsWith($"mapscope: {output}: --output", line);
        Assert.Equal(snapshot, Snapshot());
    }

    /// <summary>Creates the bad input of a row; returns the argument naming it.</summary>
    private string Plant(string input)
    {
        var good = File.ReadAllBytes(RepoPaths.Combine("tests/fixtures/heap/cache/profiles/heap-3.pb.gz"));
        switch (input)
        {
            case "missing": return "missing.go";
            case "directory": Directory.CreateDirectory(Path.Combine(Dir, "folder")); return "folder";
            case "empty": Put("p/empty.go", []); return "p/empty.go";
            case "binary":
                var random = new byte[4096];
                new Random(13).NextBytes(random);
                Put("p/binary.go", random);
                return "p/binary.go";
            case "truncated-gzip": Put("p/truncated.go", good[..(good.Length / 2)]); return "p/truncated.go";
            case "gzip-bomb": Put("p/bomb.go", LimitTests.Bomb(64 << 20)); return "p/bomb.go";
            case "invalid-utf8": Put("p/latin1.go", System.Text.Encoding.Latin1.GetBytes("package p\n\n// caf\u00e9 \u00ff\nvar s = \"\u00e9\"\n")); return "p/latin1.go";
            case "dev-zero": return "/dev/zero";
            default: return "-";
        }
    }

    private static void AssertWellFormedErrors(CliRun run, string[] names)
    {
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.NotEmpty(run.Messages);
        foreach (var line in run.Messages)
            Assert.True(line.StartsWith("mapscope: ", StringComparison.Ordinal) || line.StartsWith("run 'mapscope", StringComparison.Ordinal)
                        || names.Any(n => line.StartsWith(n + ":", StringComparison.Ordinal)), $"stray stderr line: {line}");
        Assert.True(run.Messages.Any(l => names.Any(n => l.Contains(n, StringComparison.Ordinal))), $"no line names {string.Join(" or ", names)}:\n{run.Error}");
    }
}
