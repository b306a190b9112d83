using MapScope.Evidence.Pprof;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.Pprof;

/// <summary>
/// The Go programs under tests/fixtures/heap and what each one did, stated from the program text (not
/// from our output), so the same checks run on the committed profiles and on freshly generated ones.
/// </summary>
internal static class HeapFixtures
{
    public static readonly string[] Names = ["cache", "server", "appendslices", "churn", "steady"];

    public static string Dir(string name) => RepoPaths.Combine("tests", "fixtures", "heap", name);
    /// <summary>The committed profiles of <paramref name="release"/> (layout: <see cref="FixtureArtifacts"/>).</summary>
    public static string Profiles(string name, string release = FixtureArtifacts.Original) => FixtureArtifacts.Dir(release, "heap", name, "profiles");

    /// <summary>
    /// Swiss tables (Go 1.24): a table holds at most 1024 slots (128 groups) and splits at 7/8 load, so
    /// n entries need at least ceil(n / 896) tables; each has a 32-byte table struct (used, capacity,
    /// growthLeft, localDepth, index, groups) and one group array of 128 × (8 control bytes + 8 slots).
    /// </summary>
    public static long MinTables(long entries) => (entries + 895) / 896;

    /// <summary>Bytes the inuse_space samples at one size hold on a site, and how many objects.</summary>
    public static (long Objects, long Bytes) Blocks(SiteStats site, Profile p, long size) =>
        site.ByBlockSize.TryGetValue(size, out var v) ? (v[SampleIndex.ByName(p, "inuse_objects")], v[SampleIndex.ByName(p, "inuse_space")]) : (0, 0);

    /// <summary>
    /// The map implementation the profile itself shows (its runtime/pprof frames carry the GOROOT), checked
    /// against the release that recorded it: the checks below pick their expectations by what the profile shows.
    /// </summary>
    public static MapImplementation MapsOf(Profile p, string release)
    {
        var hint = GoRuntimeHint.FromProfile(p);
        Assert.Equal(release, hint.Release);
        Assert.Equal(FixtureArtifacts.SwissMaps(release) ? MapImplementation.Swiss : MapImplementation.Classic, hint.Maps);
        return hint.Maps;
    }

    public static Profile Read(string dir, string file)
    {
        var path = Path.Combine(dir, file);
        // Committed text dumps are gzip'd; freshly generated ones are plain.
        if (!File.Exists(path) && File.Exists(path + ".gz")) path += ".gz";
        return ProfileReader.ReadFile(path);
    }

    public static SiteStats TopSite(Profile p, string sampleType = "inuse_space")
    {
        int i = SampleIndex.ByName(p, sampleType);
        return Top.Select(Aggregate.BySite(p, SiteGranularity.FunctionLine), i, 1)[0];
    }

    public static long At(Profile p, string fileSuffix, long line, string sampleType = "inuse_space")
    {
        int i = SampleIndex.ByName(p, sampleType);
        return Aggregate.BySite(p, SiteGranularity.FunctionLine)
            .Where(s => s.Key.File.EndsWith(fileSuffix, StringComparison.Ordinal) && s.Key.Line == line)
            .Sum(s => s.Values[i]);
    }

    public static void AssertSite(SiteStats site, string function, string fileSuffix, long line)
    {
        Assert.Equal(function, site.Key.Function);
        Assert.EndsWith(fileSuffix, site.Key.File);
        Assert.Equal(line, site.Key.Line);
    }

    /// <summary>
    /// cache/main.go:17 `cache[key] = &amp;entry{}` ran 20,000 times with 4096-byte entries, never evicted:
    /// 81,920,000 bytes of values in 4096-byte blocks plus the map's bucket arrays on the same line.
    /// </summary>
    public static void CheckCache(string dir, string release)
    {
        foreach (var file in new[] { "heap-3.pb.gz", "heap-3.txt" })
        {
            var p = Read(dir, file);
            var top = TopSite(p);
            AssertSite(top, "main.remember", "cache/main.go", 17);
            int space = SampleIndex.ByName(p, "inuse_space"), objects = SampleIndex.ByName(p, "inuse_objects");
            Assert.InRange(top.Values[space], 20_000L * 4096, 20_000L * 4096 + 4_000_000);
            Assert.Equal(20_000, top.ByBlockSize[4096][objects]);
            Assert.Equal(20_000L * 4096, top.ByBlockSize[4096][space]);
            // The rest of the line's memory is in blocks that are not entries: the map's bucket arrays.
            Assert.Contains(top.ByBlockSize.Keys, size => size > 4096);
        }
        // Proto and text dumps were written after the same GC: the same numbers.
        var proto = Read(dir, "heap-3.pb.gz");
        var line = TopSite(proto);
        if (MapsOf(proto, release) == MapImplementation.Classic)
        {
            // 20,000 entries at load 6.5 need B = 12: 4096 buckets of 8 + 8×16 + 8×8 + 8 = 208 bytes plus 256
            // preallocated overflow buckets, 905,216 bytes in 111 pages; no 32-byte blocks on the line.
            Assert.Equal(1, Blocks(line, proto, 909_312).Objects);
            Assert.Equal(0, Blocks(line, proto, 32).Objects);
        }
        else
        {
            // map[string]*entry: groups of 8 + 8×(16 + 8) = 200 bytes; 128 of them (25,600) round up to the
            // 27,264-byte size class; one 32-byte table struct per group array.
            var (arrays, _) = Blocks(line, proto, 27_264);
            Assert.InRange(arrays, MinTables(20_000), 2 * MinTables(20_000));
            Assert.Equal(arrays, Blocks(line, proto, 32).Objects);
            Assert.Equal(0, Blocks(line, proto, 909_312).Objects);
        }
        var text = Read(dir, "heap-3.txt");
        Assert.Equal(At(proto, "cache/main.go", 17), At(text, "cache/main.go", 17));

        // Against the dump after 5,000 inserts, the cache line grew by the 15,000 entries added since.
        var diff = Diff.DiffBase(proto, Read(dir, "heap-1.pb.gz"));
        int idx = SampleIndex.ByName(diff, "inuse_space");
        var grew = Top.Select(Aggregate.BySite(diff, SiteGranularity.FunctionLine), idx, 1, SiteOrder.GrowthFirst)[0];
        AssertSite(grew, "main.remember", "cache/main.go", 17);
        Assert.InRange(grew.Values[idx], 15_000L * 4096, 15_000L * 4096 + 4_000_000);
        Assert.InRange(grew.BaseValues[idx], 5_000L * 4096, 5_000L * 4096 + 1_000_000);
    }

    /// <summary>
    /// server/main.go:27 stores a 32-byte *Session holding a 2048-byte buffer into s.sessions, 12,000
    /// times by the last dump: 12,000 blocks of each size plus the map's buckets.
    /// </summary>
    public static void CheckServer(string dir, string release)
    {
        var p = Read(dir, "heap-3.pb.gz");
        var top = TopSite(p);
        AssertSite(top, "main.(*Server).Open", "server/main.go", 27);
        int space = SampleIndex.ByName(p, "inuse_space"), objects = SampleIndex.ByName(p, "inuse_objects");
        Assert.Equal(12_000, top.ByBlockSize[2048][objects]);
        // Session{int, []byte} = 8 + 24 bytes.
        if (MapsOf(p, release) == MapImplementation.Classic) Assert.Equal(12_000, top.ByBlockSize[32][objects]);
        else
        {
            // Swiss tables' 32-byte table structs share the size class with the sessions: one per table,
            // and each table has one group array of 128 × (8 + 8×(8 + 8)) = 17,408 bytes → 18,432 class.
            var (tables, _) = Blocks(top, p, 18_432);
            Assert.InRange(tables, MinTables(12_000), 2 * MinTables(12_000));
            Assert.Equal(12_000 + tables, top.ByBlockSize[32][objects]);
        }
        Assert.InRange(top.Values[space], 12_000L * (2048 + 32), 12_000L * (2048 + 32) + 2_000_000);

        var text = Read(dir, "heap-3.txt");
        Assert.Equal(At(p, "server/main.go", 27), At(text, "server/main.go", 27));
    }

    /// <summary>
    /// appendslices/main.go:14 appends 400,000 int64 positions spread over 8 words: 50,000 per slice, so
    /// at least 8 × 400,000 bytes live; append's reallocations leave much more allocated than in use.
    /// </summary>
    public static void CheckAppendSlices(string dir, string release)
    {
        var p = Read(dir, "heap-3.pb.gz");
        MapsOf(p, release);
        var top = TopSite(p);
        AssertSite(top, "main.record", "appendslices/main.go", 14);
        long inuse = top.Values[SampleIndex.ByName(p, "inuse_space")];
        Assert.InRange(inuse, 8L * 50_000 * 8, 2 * 8L * 50_000 * 8);
        Assert.True(top.Values[SampleIndex.ByName(p, "alloc_space")] > 2 * inuse);

        // Between dumps the index doubled: the slices grew, so the line grew.
        var diff = Diff.DiffBase(p, Read(dir, "heap-2.pb.gz"));
        int idx = SampleIndex.ByName(diff, "inuse_space");
        var grew = Top.Select(Aggregate.BySite(diff, SiteGranularity.FunctionLine), idx, 1, SiteOrder.GrowthFirst)[0];
        AssertSite(grew, "main.record", "appendslices/main.go", 14);
        Assert.True(grew.Values[idx] > 8L * 25_000 * 8);
    }

    /// <summary>
    /// churn/main.go:16 fills `live` with 50,000 entries; drain deletes them all. Maps never shrink, so the
    /// empty map still holds at least the full map's memory, and further rounds of churn do not give any
    /// back. Classic: 8192 buckets of 8 + 8×8 + 8×64 + 8 = 592 bytes. Swiss: at least ceil(50,000 / 896) = 56
    /// tables, each with 128 groups of 8 + 8×(8 + 64) = 584 bytes (74,752, ten 8 KiB pages = 81,920).
    /// </summary>
    public static void CheckChurn(string dir, string release)
    {
        var full = Read(dir, "heap-1.pb.gz");
        var empty = Read(dir, "heap-2.pb.gz");
        var later = Read(dir, "heap-3.pb.gz");
        long whenFull = At(full, "churn/main.go", 16);
        if (MapsOf(full, release) == MapImplementation.Classic)
            Assert.True(whenFull >= 8192L * 592, $"full map holds {whenFull} bytes");
        else
        {
            var (arrays, bytes) = Blocks(TopSite(full), full, 81_920);
            Assert.InRange(arrays, MinTables(50_000), 2 * MinTables(50_000));
            Assert.True(whenFull >= bytes + arrays * 32, $"full map holds {whenFull} bytes");
            Assert.Equal(arrays, Blocks(TopSite(later), later, 81_920).Objects); // no table is given back
        }
        Assert.Equal(whenFull, At(empty, "churn/main.go", 16));
        Assert.True(At(later, "churn/main.go", 16) >= whenFull);
        AssertSite(TopSite(later), "main.fill", "churn/main.go", 16);
    }

    /// <summary>
    /// steady builds a 2,000-entry table once; later work frees what it allocates. The last dump is not
    /// more than 10% above the first, in total and at every site.
    /// </summary>
    public static void CheckSteady(string dir, string release)
    {
        MapsOf(Read(dir, "heap-3.pb.gz"), release);
        var diff = Diff.DiffBase(Read(dir, "heap-3.pb.gz"), Read(dir, "heap-1.pb.gz"));
        int idx = SampleIndex.ByName(diff, "inuse_space");
        long baseTotal = Totals.PercentageBase(diff, idx);
        Assert.True(Totals.Net(diff, idx) <= baseTotal / 10, $"grew {Totals.Net(diff, idx)} of {baseTotal}");
        var top = TopSite(Read(dir, "heap-3.pb.gz"));
        AssertSite(top, "main.build", "steady/main.go", 14);
    }

    public static void Check(string name, string dir, string release)
    {
        switch (name)
        {
            case "cache": CheckCache(dir, release); break;
            case "server": CheckServer(dir, release); break;
            case "appendslices": CheckAppendSlices(dir, release); break;
            case "churn": CheckChurn(dir, release); break;
            case "steady": CheckSteady(dir, release); break;
            default: throw new ArgumentException(name);
        }
    }
}
