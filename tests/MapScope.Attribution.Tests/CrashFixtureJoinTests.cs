using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Evidence.Crash;
using MapScope.Evidence.Pprof;
using MapScope.TestSupport;

namespace MapScope.Attribution.Tests;

/// <summary>
/// The committed crash dumps (tests/fixtures/crash) joined to their programs: the culprit's map, its
/// declaration, the other accesses and the goroutines that reach them, as read from each main.go.
/// </summary>
public class CrashFixtureJoinTests
{
    private static (CrashDump Dump, CrashJoin Join) Load(string program)
    {
        var dir = RepoPaths.Combine("tests", "fixtures", "crash", program);
        using var log = File.OpenRead(Path.Combine(dir, "crash.log"));
        var dump = CrashReader.Read(log).Dumps[0];
        return (dump, new CrashJoin(new SourceIndex(dir)));
    }

    private static MapFacts Culprit(string program)
    {
        var (dump, join) = Load(program);
        var c = dump.Culprit!.Value;
        var facts = join.AtCulprit(c.File, c.Line, c.Function, dump.Kind);
        Assert.NotNull(facts);
        return facts;
    }

    [Fact]
    public void ConcurrentWritesNameThePackageMapAndTheGoroutinesThatWriteIt()
    {
        var f = Culprit("writes");
        Assert.Equal("main.counts", f.Map!.Name);
        Assert.Equal(MapOwnerKind.PackageVariable, f.Map.Kind);
        Assert.Equal(("main.go", 8, 5), (f.Map.File, f.Map.Line, f.Map.Column)); // var counts = map[int]int{}
        Assert.Equal(MapOpKind.Insert, f.Operation.Operation);
        Assert.Equal((13, "main.writer"), (f.Operation.Line, f.Operation.Function));
        // writer is started twice with go (lines 28, 29); nothing else touches counts
        Assert.Equal(["go main.writer at main.go:28", "go main.writer at main.go:29"], f.Operation.EntryPoints.Select(e => e.ToString()));
        Assert.Empty(f.OtherAccesses);
    }

    [Fact]
    public void ReadAndWriteFindsTheReadAndTheWriterGoroutineAsOtherParty()
    {
        var f = Culprit("readwrite");
        Assert.Equal("main.table", f.Map!.Name);
        Assert.Equal(5, f.Map.Line);
        Assert.Equal((MapOpKind.Read, 16, "main.reader"), (f.Operation.Operation, f.Operation.Line, f.Operation.Function));
        Assert.Equal(["main goroutine (main.main)"], f.Operation.EntryPoints.Select(e => e.ToString()));
        var other = Assert.Single(f.OtherAccesses);
        Assert.Equal((MapOpKind.Insert, 9, "main.write", true), (other.Operation, other.Line, other.Function, other.IsWrite));
        Assert.Equal(["go main.write at main.go:21"], other.EntryPoints.Select(e => e.ToString()));
    }

    [Fact]
    public void IterationAndWriteFindsTheRangeAndBothWrites()
    {
        var f = Culprit("iterwrite");
        Assert.Equal("main.index", f.Map!.Name);
        Assert.Equal((MapOpKind.Range, 16), (f.Operation.Operation, f.Operation.Line));
        Assert.Equal([(9, "main.write"), (24, "main.main")], f.OtherAccesses.Select(a => (a.Line, a.Function)));
        Assert.All(f.OtherAccesses, a => Assert.Equal(MapOpKind.Insert, a.Operation));
        Assert.Equal(["go main.write at main.go:26"], f.OtherAccesses[0].EntryPoints.Select(e => e.ToString()));
        Assert.Equal(["main goroutine (main.main)"], f.OtherAccesses[1].EntryPoints.Select(e => e.ToString()));
    }

    [Fact]
    public void NilMapAssignmentNamesTheStructField()
    {
        var f = Culprit("nilmap");
        Assert.Equal("(*main.Registry).byName", f.Map!.Name);
        Assert.Equal(MapOwnerKind.Field, f.Map.Kind);
        Assert.Equal(("main.go", 6), (f.Map.File, f.Map.Line));
        Assert.Equal("map[string]int", f.Map.Type);
        Assert.Equal((MapOpKind.Insert, 10, "main.(*Registry).Add"), (f.Operation.Operation, f.Operation.Line, f.Operation.Function));
    }

    [Fact]
    public void UnhashableKeyNamesTheInterfaceKeyedMap()
    {
        var f = Culprit("unhashable");
        Assert.Equal(("main.seen", 5), (f.Map!.Name, f.Map.Line));
        Assert.Equal("map[interface{}]bool", f.Map.Type);
    }

    [Fact]
    public void TheOtherPartyFrameJoinsToTheSameMap()
    {
        var (dump, join) = Load("readwrite");
        var party = Assert.Single(dump.OtherParties);
        var f = join.AtFrame(party.Frame.File, party.Frame.Line, party.Frame.Function);
        Assert.Equal(("main.table", MapOpKind.Insert), (f?.Map?.Name, f!.Operation.Operation));
    }

    [Fact]
    public void AKindThatIsNotOnTheLineIsNoAnswer()
    {
        var (dump, join) = Load("readwrite");
        var c = dump.Culprit!.Value;
        // line 16 reads table; a "concurrent map writes" crash there would need a write: none, so no answer
        Assert.Null(join.AtCulprit(c.File, c.Line, c.Function, CrashKind.ConcurrentMapWrites));
        Assert.Null(join.AtCulprit(c.File, c.Line, c.Function, CrashKind.OtherPanic));
        Assert.Null(join.AtCulprit(c.File, 14, c.Function, CrashKind.ConcurrentMapReadAndWrite)); // sum := 0
    }
}
