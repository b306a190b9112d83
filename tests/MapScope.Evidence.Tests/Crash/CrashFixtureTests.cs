using MapScope.Evidence.Crash;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.Crash;

/// <summary>
/// Real crash output of the programs in tests/fixtures/crash (see regen.sh there), recorded with Go 1.19
/// and Go 1.24 (layout: <see cref="FixtureArtifacts"/>). Each program marks its culprit line with a
/// "// CULPRIT" comment; the expected line is read from the source, not copied from our output.
/// </summary>
public class CrashFixtureTests
{
    internal static string FixtureDir => RepoPaths.Combine("tests", "fixtures", "crash");

    internal static CrashLog ReadLog(string program, string file = "crash.log", string release = FixtureArtifacts.Original)
    {
        using var f = File.OpenRead(Path.Combine(FixtureArtifacts.Dir(release, "crash", program), file));
        return CrashReader.Read(f);
    }

    /// <summary>The 1-based line of the first "// CULPRIT" comment in the program's main.go.</summary>
    internal static int CulpritLine(string program) => CulpritLines(program)[0];

    /// <summary>Every line marked "// CULPRIT" (a race between two writes of one loop may be noticed at either).</summary>
    internal static int[] CulpritLines(string program) =>
        [.. File.ReadAllLines(Path.Combine(FixtureDir, program, "main.go")).Select((l, i) => (l, i)).Where(x => x.l.Contains("// CULPRIT")).Select(x => x.i + 1)];

    /// <summary>Crashes every release produces the same way: the message and the culprit do not depend on the map implementation.</summary>
    private static readonly (string Program, string File, CrashKind Kind, string Function)[] Common =
    [
        ("writes", "crash.log", CrashKind.ConcurrentMapWrites, "main.writer"),
        ("writes", "crash-system.log", CrashKind.ConcurrentMapWrites, "main.writer"),
        ("writes", "crash-crash.log", CrashKind.ConcurrentMapWrites, "main.writer"),
        ("readwrite", "crash.log", CrashKind.ConcurrentMapReadAndWrite, "main.reader"),
        ("readwrite", "crash-ancestors.log", CrashKind.ConcurrentMapReadAndWrite, "main.reader"),
        ("iterwrite", "crash.log", CrashKind.ConcurrentMapIterationAndWrite, "main.iterate"),
        ("nilmap", "crash.log", CrashKind.NilMapAssignment, "main.(*Registry).Add"),
        ("unhashable", "crash.log", CrashKind.UnhashableKey, "main.remember"),
    ];

    /// <summary>
    /// Crashes whose message depends on the release. smallmap's writers race on a map of 7–8 entries:
    /// classic maps can only say "concurrent map writes"; the committed Go 1.24 run is the Swiss-only
    /// "small map with no empty slot". clonewrite needs the maps package (Go 1.21+) and is recorded with
    /// Go 1.24 only, where maps.Clone iterates and so reports an iteration race, not "map clone".
    /// </summary>
    private static readonly Dictionary<string, (string Program, string File, CrashKind Kind, string Function)[]> ByRelease = new()
    {
        ["1.19"] = [("smallmap", "crash.log", CrashKind.ConcurrentMapWrites, "main.writer")],
        ["1.24"] =
        [
            ("smallmap", "crash.log", CrashKind.SwissMapNoEmptySlot, "main.writer"),
            ("clonewrite", "crash.log", CrashKind.ConcurrentMapIterationAndWrite, "main.snapshot"),
        ],
    };

    /// <summary>Every committed map crash: release, program, log file, kind, culprit function.</summary>
    internal static IEnumerable<(string Release, string Program, string File, CrashKind Kind, string Function)> CrashCases()
    {
        foreach (var release in GoToolchain.Supported)
            foreach (var (program, file, kind, function) in Common.Concat(ByRelease[release]))
                yield return (release, program, file, kind, function);
    }

    public static TheoryData<string, string, string, CrashKind, string> Crashes
    {
        get
        {
            var data = new TheoryData<string, string, string, CrashKind, string>();
            foreach (var (release, program, file, kind, function) in CrashCases()) data.Add(release, program, file, kind, function);
            return data;
        }
    }

    internal static void AssertCrash(CrashLog log, string program, CrashKind kind, string function)
    {
        var dump = Assert.Single(log.Dumps);
        Assert.Equal(kind, dump.Kind);
        Assert.False(dump.Truncated);
        var culprit = Assert.IsType<Frame>(dump.Culprit);
        Assert.Equal(function, culprit.Function);
        Assert.Equal($"mapscope.test/crash/{program}/main.go", culprit.File);
        Assert.Contains(culprit.Line, CulpritLines(program));
        // Only an insert can find a small map's group full.
        if (kind == CrashKind.SwissMapNoEmptySlot) Assert.Equal(CulpritLine(program), culprit.Line);
        Assert.Same(dump.Crashing, dump.Groups.Single(g => g.Representative.Id == dump.Crashing!.Id).Representative);
    }

    [Theory]
    [MemberData(nameof(Crashes))]
    public void EachMapCrashIsNamedWithItsCulpritLine(string release, string program, string file, CrashKind kind, string function)
    {
        var log = ReadLog(program, file, release);
        AssertCrash(log, program, kind, function);
        Assert.Equal(0, log.Lines.Unknown);
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void UnhashableTypeIsReported(string release) => Assert.Equal("[]string", ReadLog("unhashable", release: release).Dumps[0].UnhashableType);

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void IdenticalIdleGoroutinesAreGroupedWithTheirCount(string release)
    {
        var dump = ReadLog("writes", release: release).Dumps[0];
        // main starts 20 goroutines in idle(), all blocked at the same <-ch.
        var idle = dump.Groups[0];
        Assert.Equal(20, idle.Count);
        Assert.Equal("chan receive", idle.Representative.State);
        Assert.Equal("main.idle", idle.Representative.Frames[0].Function);
        Assert.Equal("main.main", idle.Representative.CreatedBy?.Function);
        Assert.Equal(dump.GoroutineCount, dump.Groups.Sum(g => g.Count));
    }

    /// <summary>
    /// Go 1.24's Swiss maps call internal/runtime/maps.fatal, which prints even without GOTRACEBACK=system
    /// (it is not a runtime.* frame to the traceback); Go 1.19's runtime.fatal frames are hidden, so the
    /// user's frame comes first. The culprit is the user's frame either way.
    /// </summary>
    [Theory]
    [InlineData("1.19", "writes", "main.writer")]
    [InlineData("1.19", "readwrite", "main.reader")]
    [InlineData("1.19", "iterwrite", "main.iterate")]
    [InlineData("1.24", "writes", "internal/runtime/maps.fatal")]
    [InlineData("1.24", "readwrite", "internal/runtime/maps.fatal")]
    [InlineData("1.24", "iterwrite", "internal/runtime/maps.fatal")]
    [InlineData("1.24", "smallmap", "internal/runtime/maps.fatal")]
    [InlineData("1.24", "clonewrite", "internal/runtime/maps.fatal")]
    public void FirstFrameOfTheCrashingGoroutineDependsOnTheMapImplementation(string release, string program, string first)
    {
        var dump = ReadLog(program, release: release).Dumps[0];
        Assert.Equal(first, dump.Crashing!.Frames[0].Function);
        if (first.StartsWith("internal/runtime/maps.", StringComparison.Ordinal))
            Assert.Equal(("runtime/panic.go", 1058), (dump.Crashing.Frames[0].File, dump.Crashing.Frames[0].Line));
    }

    /// <summary>Go 1.21+ names the creating goroutine ("created by main.main in goroutine 1"); Go 1.19 does not.</summary>
    [Theory]
    [InlineData("1.19", null)]
    [InlineData("1.24", 1L)]
    public void CreatorGoroutineIsKnownFromGo121(string release, long? creator)
    {
        var dump = ReadLog("writes", release: release).Dumps[0];
        Assert.Equal("main.main", dump.Crashing!.CreatedBy?.Function);
        Assert.Equal(creator, dump.Crashing.CreatorGoroutine);
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void GotracebackSystemShowsRuntimeFramesThatTheCulpritSkips(string release)
    {
        var log = ReadLog("writes", "crash-system.log", release);
        var dump = log.Dumps[0];
        Assert.Equal("runtime.fatal", dump.Crashing!.Frames[0].Function);
        Assert.True(dump.Crashing.Frames.Count(f => f.IsRuntime) >= 2);
        Assert.Equal(0, log.Lines.Unknown); // Go 1.24's "gp=… m=… mp=…" headers and "fp= sp= pc=" suffixes included
    }

    [Fact]
    public void CloneRaceShowsTheMapsCloneFramesAboveTheCaller()
    {
        var dump = ReadLog("clonewrite", release: "1.24").Dumps[0];
        var names = dump.Crashing!.Frames.Select(f => f.Function).ToList();
        int clone = names.IndexOf("maps.Clone[...]");
        Assert.True(clone > 0, string.Join(", ", names));
        Assert.Equal("maps/maps.go", dump.Crashing.Frames[clone].File);
        Assert.Equal("main.snapshot", names[clone + 1]);
        Assert.Contains("maps.clone", names); // the runtime's linknamed half, in runtime/map_swiss.go
        var other = Assert.Single(dump.OtherParties);
        Assert.Equal(("main.update", 12), (other.Frame.Function, other.Frame.Line));
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void ReaderSideOfTheRaceNamesTheWriterAsOtherParty(string release)
    {
        // The writer goroutine was runnable at its write when the reader noticed.
        var dump = ReadLog("readwrite", release: release).Dumps[0];
        var other = Assert.Single(dump.OtherParties);
        Assert.Equal("main.write", other.Frame.Function);
        Assert.Equal(9, other.Frame.Line); // table[i%1000] = i in write()
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void AncestorTracebacksAreAttachedToTheirGoroutine(string release)
    {
        var log = ReadLog("readwrite", "crash-ancestors.log", release);
        var writer = log.Dumps[0].Groups.Select(g => g.Representative).Single(g => g.Frames[0].Function == "main.write");
        var ancestor = Assert.Single(writer.Ancestors);
        Assert.Equal(1, ancestor.GoroutineId);
        Assert.Equal("main.main", ancestor.Frames[0].Function);
        Assert.Equal(0, log.Lines.Unknown);
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void GoroutineDumpIsGroupedWithoutACulprit(string release)
    {
        var log = ReadLog("goroutines", release: release);
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

    /// <summary>
    /// What a fresh run of each program may report with a release. Races can be noticed in more than one
    /// way: smallmap's rare Swiss-only message is not required of a single run, but nothing else is allowed.
    /// </summary>
    private static IEnumerable<(string Program, CrashKind[] Kinds, string Function)> Fresh(string release)
    {
        yield return ("writes", [CrashKind.ConcurrentMapWrites], "main.writer");
        yield return ("readwrite", [CrashKind.ConcurrentMapReadAndWrite], "main.reader");
        yield return ("iterwrite", [CrashKind.ConcurrentMapIterationAndWrite], "main.iterate");
        yield return ("nilmap", [CrashKind.NilMapAssignment], "main.(*Registry).Add");
        yield return ("unhashable", [CrashKind.UnhashableKey], "main.remember");
        if (FixtureArtifacts.SwissMaps(release))
        {
            yield return ("smallmap", [CrashKind.ConcurrentMapWrites, CrashKind.SwissMapNoEmptySlot], "main.writer");
            yield return ("clonewrite", [CrashKind.ConcurrentMapIterationAndWrite], "main.snapshot");
        }
        else yield return ("smallmap", [CrashKind.ConcurrentMapWrites], "main.writer");
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void RegeneratedCrashesReachTheSameConclusions(string release)
    {
        var go = GoToolchain.Require(release);
        var tmp = Directory.CreateTempSubdirectory("mapscope-crash");
        try
        {
            var env = new Dictionary<string, string> { ["GOFLAGS"] = "-mod=mod", ["GOCACHE"] = Path.Combine(tmp.FullName, "cache") };
            foreach (var (program, kinds, function) in Fresh(release))
            {
                var exe = Path.Combine(tmp.FullName, program);
                GoToolchain.Run(go, $"build -trimpath -o {exe} .", Path.Combine(FixtureDir, program), env);
                var result = GoProgram.Run(exe);
                Assert.Equal(2, result.ExitCode);
                var log = CrashReader.Read(new MemoryStream(result.Stderr));
                var kind = log.Dumps.Count == 1 ? log.Dumps[0].Kind : CrashKind.GoroutineDump;
                Assert.Contains(kind, kinds);
                AssertCrash(log, program, kind, function);
            }
        }
        finally
        {
            tmp.Delete(recursive: true);
        }
    }
}
