using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Evidence.Crash;
using MapScope.Evidence.Pprof;
using MapScope.TestSupport;

namespace MapScope.Attribution.Tests;

/// <summary>
/// The committed crash dumps (tests/fixtures/crash, Go 1.19 and Go 1.24) joined to their programs: the culprit's map, its
/// declaration, the other accesses and the goroutines that reach them, as read from each main.go.
/// </summary>
public class CrashFixtureJoinTests
{
    private static (CrashDump Dump, CrashJoin Join) Load(string program, string release = MapScope.Evidence.Tests.FixtureArtifacts.Original)
    {
        var dir = RepoPaths.Combine("tests", "fixtures", "crash", program);
        using var log = File.OpenRead(Path.Combine(MapScope.Evidence.Tests.FixtureArtifacts.Dir(release, "crash", program), "crash.log"));
        var dump = CrashReader.Read(log).Dumps[0];
        return (dump, new CrashJoin(new SourceIndex(dir)));
    }

    private static MapFacts Culprit(string program, string release)
    {
        var (dump, join) = Load(program, release);
        var c = dump.Culprit!.Value;
        var facts = join.AtCulprit(c.File, c.Line, c.Function, dump.Kind);
        Assert.NotNull(facts);
        return facts;
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void ConcurrentWritesNameThePackageMapAndTheGoroutinesThatWriteIt(string release)
    {
        var f = Culprit("writes", release);
        Assert.Equal("main.counts", f.Map!.Name);
        Assert.Equal(MapOwnerKind.PackageVariable, f.Map.Kind);
        Assert.Equal(("main.go", 8, 5), (f.Map.File, f.Map.Line, f.Map.Column)); // var counts = map[int]int{}
        Assert.Equal(MapOpKind.Insert, f.Operation.Operation);
        Assert.Equal((13, "main.writer"), (f.Operation.Line, f.Operation.Function));
        // writer is started twice with go (lines 28, 29); nothing else touches counts
        Assert.Equal(["go main.writer at main.go:28", "go main.writer at main.go:29"], f.Operation.EntryPoints.Select(e => e.ToString()));
        Assert.Empty(f.OtherAccesses);
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void ReadAndWriteFindsTheReadAndTheWriterGoroutineAsOtherParty(string release)
    {
        var f = Culprit("readwrite", release);
        Assert.Equal("main.table", f.Map!.Name);
        Assert.Equal(5, f.Map.Line);
        Assert.Equal((MapOpKind.Read, 16, "main.reader"), (f.Operation.Operation, f.Operation.Line, f.Operation.Function));
        Assert.Equal(["main goroutine (main.main)"], f.Operation.EntryPoints.Select(e => e.ToString()));
        var other = Assert.Single(f.OtherAccesses);
        Assert.Equal((MapOpKind.Insert, 9, "main.write", true), (other.Operation, other.Line, other.Function, other.IsWrite));
        Assert.Equal(["go main.write at main.go:21"], other.EntryPoints.Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void IterationAndWriteFindsTheRangeAndBothWrites(string release)
    {
        var f = Culprit("iterwrite", release);
        Assert.Equal("main.index", f.Map!.Name);
        Assert.Equal((MapOpKind.Range, 16), (f.Operation.Operation, f.Operation.Line));
        Assert.Equal([(9, "main.write"), (24, "main.main")], f.OtherAccesses.Select(a => (a.Line, a.Function)));
        Assert.All(f.OtherAccesses, a => Assert.Equal(MapOpKind.Insert, a.Operation));
        Assert.Equal(["go main.write at main.go:26"], f.OtherAccesses[0].EntryPoints.Select(e => e.ToString()));
        Assert.Equal(["main goroutine (main.main)"], f.OtherAccesses[1].EntryPoints.Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void NilMapAssignmentNamesTheStructField(string release)
    {
        var f = Culprit("nilmap", release);
        Assert.Equal("(*main.Registry).byName", f.Map!.Name);
        Assert.Equal(MapOwnerKind.Field, f.Map.Kind);
        Assert.Equal(("main.go", 6), (f.Map.File, f.Map.Line));
        Assert.Equal("map[string]int", f.Map.Type);
        Assert.Equal((MapOpKind.Insert, 10, "main.(*Registry).Add"), (f.Operation.Operation, f.Operation.Line, f.Operation.Function));
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void UnhashableKeyNamesTheInterfaceKeyedMap(string release)
    {
        var f = Culprit("unhashable", release);
        Assert.Equal(("main.seen", 5), (f.Map!.Name, f.Map.Line));
        Assert.Equal("map[interface{}]bool", f.Map.Type);
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void TheOtherPartyFrameJoinsToTheSameMap(string release)
    {
        var (dump, join) = Load("readwrite", release);
        var party = Assert.Single(dump.OtherParties);
        var f = join.AtFrame(party.Frame.File, party.Frame.Line, party.Frame.Function);
        Assert.Equal(("main.table", MapOpKind.Insert), (f?.Map?.Name, f!.Operation.Operation));
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void AKindThatIsNotOnTheLineIsNoAnswer(string release)
    {
        var (dump, join) = Load("readwrite", release);
        var c = dump.Culprit!.Value;
        // line 16 reads table; a "concurrent map writes" crash there would need a write: none, so no answer
        Assert.Null(join.AtCulprit(c.File, c.Line, c.Function, CrashKind.ConcurrentMapWrites));
        Assert.Null(join.AtCulprit(c.File, c.Line, c.Function, CrashKind.OtherPanic));
        Assert.Null(join.AtCulprit(c.File, 14, c.Function, CrashKind.ConcurrentMapReadAndWrite)); // sum := 0
    }

    /// <summary>
    /// smallmap's writers race on a small map; Go 1.19 says "concurrent map writes", the committed Go 1.24
    /// run "small map with no empty slot". Both are writes: the culprit is the insert into main.small.
    /// </summary>
    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void SmallMapRaceNamesTheMapEitherWay(string release)
    {
        var f = Culprit("smallmap", release);
        Assert.Equal(("main.small", 8), (f.Map!.Name, f.Map.Line)); // var small = map[int]int{}
        Assert.Equal((MapOpKind.Insert, 12, "main.writer"), (f.Operation.Operation, f.Operation.Line, f.Operation.Function));
    }

    /// <summary>Go 1.24 reports a maps.Clone racing with a write as an iteration; the culprit line is the Clone.</summary>
    [Fact]
    public void CloneReportedAsIterationJoinsToTheClonedMap()
    {
        var f = Culprit("clonewrite", "1.24");
        Assert.Equal("main.config", f.Map!.Name);
        Assert.Equal((MapOpKind.Clone, 19, "main.snapshot"), (f.Operation.Operation, f.Operation.Line, f.Operation.Function));
        Assert.Contains(f.OtherAccesses, a => a.IsWrite && a.Line == 12 && a.Function == "main.update");
    }
}
