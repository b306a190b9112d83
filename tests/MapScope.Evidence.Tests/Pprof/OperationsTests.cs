using MapScope.Evidence.Pprof;

namespace MapScope.Evidence.Tests.Pprof;

/// <summary>Sample type selection, diff, aggregation and top-N on small hand-built profiles.</summary>
public class OperationsTests
{
    private static Profile Build(Action<ProtoProfileBuilder> fill, string? defaultType = null)
    {
        var b = ProtoProfileBuilder.Heap();
        fill(b);
        if (defaultType != null) b.Message.DefaultSampleType = b.Str(defaultType);
        return ProfileReader.Parse(b.Bytes());
    }

    [Fact]
    public void SampleIndexFollowsPprof()
    {
        var heap = Build(_ => { });
        Assert.Equal(3, SampleIndex.ByName(heap, null));          // no default: the last type
        Assert.Equal(3, SampleIndex.ByName(heap, "inuse_space"));
        Assert.Equal(0, SampleIndex.ByName(heap, "alloc_objects"));
        Assert.Equal(1, SampleIndex.ByName(heap, "1"));
        var allocs = Build(_ => { }, defaultType: "alloc_space");
        Assert.Equal(1, SampleIndex.ByName(allocs, ""));          // default_sample_type honoured
        var e = Assert.Throws<UnknownSampleTypeException>(() => SampleIndex.ByName(heap, "cpu"));
        Assert.Contains("alloc_objects, alloc_space, inuse_objects, inuse_space", e.Message);
        Assert.Throws<UnknownSampleTypeException>(() => SampleIndex.ByName(heap, "4"));
        Assert.Equal(2, SampleIndex.Companion(heap, 3));
    }

    [Fact]
    public void AggregatesByFunctionLineAndByLocation()
    {
        var p = Build(b =>
        {
            // Two PCs on the same line (two allocations on cache.go:17), one on another line.
            var a = b.Location(("main.store", "/src/cache.go", 17));
            var a2 = b.Location(("main.store", "/src/cache.go", 17));
            var other = b.Location(("main.load", "/src/cache.go", 30));
            var root = b.Location(("main.main", "/src/main.go", 5));
            b.HeapSample([a, root], 10, 4096);
            b.HeapSample([a2, root], 1, 65536);
            b.HeapSample([other, root], 3, 16);
            b.HeapSample([a, root], 5, 4096);
        });
        var lines = Aggregate.BySite(p, SiteGranularity.FunctionLine);
        Assert.Equal(2, lines.Count);
        var store = lines.Single(s => s.Key.Line == 17);
        Assert.Equal(15 * 4096 + 65536, store.Values[3]);
        Assert.Equal(16, store.Values[2]);
        Assert.Equal([4096, 65536], store.ByBlockSize.Keys.Order());
        Assert.Equal(15, store.ByBlockSize[4096][2]);
        Assert.Equal(3, Aggregate.BySite(p, SiteGranularity.Location).Count);

        var top = Top.Select(lines, 3, 1);
        Assert.Equal("main.store", Assert.Single(top).Key.Function);
    }

    [Fact]
    public void DiffBaseSubtractsAndTracksTheBase()
    {
        var now = Build(b =>
        {
            var grow = b.Location(("main.grow", "/src/a.go", 1));
            var shrink = b.Location(("main.shrink", "/src/a.go", 2));
            b.HeapSample([grow], 30, 100);
            b.HeapSample([shrink], 1, 100);
        });
        var then = Build(b =>
        {
            var shrink = b.Location(("main.shrink", "/src/a.go", 2));
            var grow = b.Location(("main.grow", "/src/a.go", 1));
            var gone = b.Location(("main.gone", "/src/a.go", 3));
            b.HeapSample([grow], 10, 100);
            b.HeapSample([shrink], 20, 100);
            b.HeapSample([gone], 5, 100);
        });
        var diff = Diff.DiffBase(now, then);
        int i = SampleIndex.ByName(diff, "inuse_space");
        var sites = Aggregate.BySite(diff, SiteGranularity.FunctionLine).ToDictionary(s => s.Key.Function);
        Assert.Equal(2000, sites["main.grow"].Values[i]);
        Assert.Equal(1000, sites["main.grow"].BaseValues[i]);
        Assert.Equal(3000, sites["main.grow"].Current(i));
        Assert.Equal(-1900, sites["main.shrink"].Values[i]);
        Assert.Equal(-500, sites["main.gone"].Values[i]);
        Assert.Equal(0, sites["main.gone"].Current(i));

        // Percentages are relative to the base (3,500 bytes), as pprof -diff_base reports them.
        Assert.Equal(3500, Totals.PercentageBase(diff, i));
        Assert.Equal(3100 - 3500, Totals.Net(diff, i));
        Assert.Equal((3100L, 3500L), Totals.Split(diff, i));

        // The merged profile is itself valid: unique ids, and a function shared by both is one function.
        Assert.Equal(diff.Functions.Length, diff.Functions.Select(f => f.Id).Distinct().Count());
        Assert.Equal(3, diff.Functions.Length);

        Assert.Equal(["main.grow", "main.gone", "main.shrink"],
            Top.Select(sites.Values, i, 10, SiteOrder.GrowthFirst).Select(s => s.Key.Function));
        Assert.Equal(["main.grow", "main.shrink", "main.gone"],
            Top.Select(sites.Values, i, 10, SiteOrder.Magnitude).Select(s => s.Key.Function));
    }

    [Fact]
    public void DiffRejectsProfilesOfDifferentKinds()
    {
        var heap = Build(_ => { });
        var cpu = ProfileReader.Parse(new ProtoProfileBuilder(("samples", "count"), ("cpu", "nanoseconds")).Bytes());
        Assert.Throws<IncompatibleProfilesException>(() => Diff.DiffBase(heap, cpu));
    }

    [Fact]
    public void CallTreeFoldsStacksRootFirstWithInlinedFrames()
    {
        var p = Build(b =>
        {
            var leaf = b.Location(("main.put", "/src/a.go", 3), ("main.handle", "/src/a.go", 9));
            var root = b.Location(("main.main", "/src/a.go", 20));
            var other = b.Location(("main.other", "/src/a.go", 30));
            b.HeapSample([leaf, root], 2, 50);
            b.HeapSample([other, root], 1, 10);
        });
        var tree = CallTree.Build(p, 3);
        Assert.Equal(110, tree.Value);
        var main = tree.Children["main.main"];
        Assert.Equal(110, main.Value);
        Assert.Equal(100, main.Children["main.handle"].Children["main.put"].Value);
        Assert.Equal(100, main.Children["main.handle"].Children["main.put"].Self);
        Assert.Equal(0, main.Self);
        Assert.Equal(10, main.Children["main.other"].Self);
    }
}
