using MapScope.Evidence.Crash;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.Crash;

/// <summary>
/// Real crash output of the programs in tests/fixtures/crash (see regen.sh there), Go 1.19. Each program
/// marks its culprit line with a "// CULPRIT" comment; the expected line is read from the source, not
/// copied from our output.
/// </summary>
public class CrashFixtureTests
{
    internal static string FixtureDir => RepoPaths.Combine("tests", "fixtures", "crash");

    internal static CrashLog ReadLog(string program, string file = "crash.log")
    {
        using var f = File.OpenRead(Path.Combine(FixtureDir, program, file));
        return CrashReader.Read(f);
    }

    /// <summary>The 1-based line of the "// CULPRIT" comment in the program's main.go.</summary>
    internal static int CulpritLine(string program) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(FixtureDir, program, "main.go")), l => l.Contains("// CULPRIT")) + 1;

    public static TheoryData<string, string, CrashKind, string> Crashes => new()
    {
        { "writes", "crash.log", CrashKind.ConcurrentMapWrites, "main.writer" },
        { "writes", "crash-system.log", CrashKind.ConcurrentMapWrites, "main.writer" },
        { "readwrite", "crash.log", CrashKind.ConcurrentMapReadAndWrite, "main.reader" },
        { "readwrite", "crash-ancestors.log", CrashKind.ConcurrentMapReadAndWrite, "main.reader" },
        { "iterwrite", "crash.log", CrashKind.ConcurrentMapIterationAndWrite, "main.iterate" },
        { "nilmap", "crash.log", CrashKind.NilMapAssignment, "main.(*Registry).Add" },
        { "unhashable", "crash.log", CrashKind.UnhashableKey, "main.remember" },
    };

    internal static void AssertCrash(CrashLog log, string program, CrashKind kind, string function)
    {
        var dump = Assert.Single(log.Dumps);
        Assert.Equal(kind, dump.Kind);
        Assert.False(dump.Truncated);
        var culprit = Assert.IsType<Frame>(dump.Culprit);
        Assert.Equal(function, culprit.Function);
        Assert.Equal($"mapscope.test/crash/{program}/main.go", culprit.File);
        Assert.Equal(CulpritLine(program), culprit.Line);
        Assert.Same(dump.Crashing, dump.Groups.Single(g => g.Representative.Id == dump.Crashing!.Id).Representative);
    }

    [Theory]
    [MemberData(nameof(Crashes))]
    public void EachMapCrashIsNamedWithItsCulpritLine(string program, string file, CrashKind kind, string function) =>
        AssertCrash(ReadLog(program, file), program, kind, function);

    [Fact]
    public void UnhashableTypeIsReported() => Assert.Equal("[]string", ReadLog("unhashable").Dumps[0].UnhashableType);

    [Fact]
    public void IdenticalIdleGoroutinesAreGroupedWithTheirCount()
    {
        var dump = ReadLog("writes").Dumps[0];
        // main starts 20 goroutines in idle(), all blocked at the same <-ch.
        var idle = dump.Groups[0];
        Assert.Equal(20, idle.Count);
        Assert.Equal("chan receive", idle.Representative.State);
        Assert.Equal("main.idle", idle.Representative.Frames[0].Function);
        Assert.Equal("main.main", idle.Representative.CreatedBy?.Function);
        Assert.Equal(dump.GoroutineCount, dump.Groups.Sum(g => g.Count));
    }

    [Fact]
    public void GotracebackSystemShowsRuntimeFramesThatTheCulpritSkips()
    {
        var dump = ReadLog("writes", "crash-system.log").Dumps[0];
        Assert.StartsWith("runtime.", dump.Crashing!.Frames[0].Function);
        Assert.True(dump.Crashing.Frames.Count(f => f.IsRuntime) >= 2);
    }

    [Fact]
    public void ReaderSideOfTheRaceNamesTheWriterAsOtherParty()
    {
        // The writer goroutine was runnable at its write when the reader noticed.
        var dump = ReadLog("readwrite").Dumps[0];
        var other = Assert.Single(dump.OtherParties);
        Assert.Equal("main.write", other.Frame.Function);
        Assert.Equal(9, other.Frame.Line); // table[i%1000] = i in write()
    }

    [Fact]
    public void AncestorTracebacksAreAttachedToTheirGoroutine()
    {
        var dump = ReadLog("readwrite", "crash-ancestors.log").Dumps[0];
        var writer = dump.Groups.Select(g => g.Representative).Single(g => g.Frames[0].Function == "main.write");
        var ancestor = Assert.Single(writer.Ancestors);
        Assert.Equal(1, ancestor.GoroutineId);
        Assert.Equal("main.main", ancestor.Frames[0].Function);
        Assert.Equal(0, ReadLog("readwrite", "crash-ancestors.log").Lines.Unknown);
    }

    [Fact]
    public void GoroutineDumpIsGroupedWithoutACulprit()
    {
        var log = ReadLog("goroutines");
        var dump = Assert.Single(log.Dumps);
        Assert.Equal(CrashKind.GoroutineDump, dump.Kind);
        Assert.Null(dump.Crashing);
        Assert.Null(dump.Culprit);
        // The program starts 50 + 30 + 5 goroutines in three functions; main itself writes the dump.
        var counts = dump.Groups.ToDictionary(g => g.Representative.Frames.First(f => f.Function.StartsWith("main.")).Function, g => g.Count);
        Assert.Equal(50, counts["main.waitChan"]);
        Assert.Equal(30, counts["main.waitLock"]);
        Assert.Equal(5, counts["main.sleeper"]);
        Assert.Equal(0, log.Lines.Unknown);
    }

    [SkippableFact]
    public void RegeneratedCrashesReachTheSameConclusions()
    {
        var go = GoToolchain.Require();
        var tmp = Directory.CreateTempSubdirectory("mapscope-crash");
        try
        {
            var programs = new[] { ("writes", CrashKind.ConcurrentMapWrites, "main.writer"), ("readwrite", CrashKind.ConcurrentMapReadAndWrite, "main.reader"),
                ("iterwrite", CrashKind.ConcurrentMapIterationAndWrite, "main.iterate"), ("nilmap", CrashKind.NilMapAssignment, "main.(*Registry).Add"),
                ("unhashable", CrashKind.UnhashableKey, "main.remember") };
            foreach (var (program, kind, function) in programs)
            {
                var exe = Path.Combine(tmp.FullName, program);
                GoToolchain.Run(go, $"build -trimpath -o {exe} .", Path.Combine(FixtureDir, program));
                var result = GoProgram.Run(exe);
                Assert.Equal(2, result.ExitCode);
                AssertCrash(CrashReader.Read(new MemoryStream(result.Stderr)), program, kind, function);
            }
        }
        finally
        {
            tmp.Delete(recursive: true);
        }
    }
}
