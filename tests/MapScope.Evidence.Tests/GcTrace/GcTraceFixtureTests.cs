using MapScope.Evidence.GcTrace;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.GcTrace;

/// <summary>
/// Real GODEBUG=gctrace=1 logs of tests/fixtures/gctrace/{leak,steady} (see regen.sh there), recorded with
/// Go 1.19 and Go 1.24 (layout: <see cref="FixtureArtifacts"/>). The leak
/// program inserts 1 KiB of values per millisecond into a global map: 60000 KiB/min = 58.6 MiB/min.
/// </summary>
public class GcTraceFixtureTests
{
    public const double LeakMiBPerMinute = 60000 / 1024.0;

    private static GcTraceSummary ReadFixture(string name, string release)
    {
        using var f = File.OpenRead(Path.Combine(FixtureArtifacts.Dir(release, "gctrace"), name));
        return GcTraceReader.Read(f);
    }

    internal static void AssertLeak(GcTraceSummary s)
    {
        Assert.Equal(HeapVerdict.Growing, s.Trend.Verdict);
        Assert.InRange(s.Trend.MBPerMinute, LeakMiBPerMinute * 0.8, LeakMiBPerMinute * 1.2);
        Assert.True(s.Trend.MBPerMinuteLow95 > 0);
        // Live heap is printed in whole MB, so a few MB of growth fit loosely; the CI above zero is the real test.
        Assert.True(s.Trend.LaterHalf.RSquared > 0.6, $"R² {s.Trend.LaterHalf.RSquared}");
    }

    internal static void AssertSteady(GcTraceSummary s)
    {
        Assert.Equal(HeapVerdict.Steady, s.Trend.Verdict);
        // The 3 s warm-up ramp (0 → 8 MiB of values) makes the whole run rise; the later half must not.
        Assert.True(s.Trend.Whole.Slope > 0, "the ramp is in the trace");
        Assert.InRange(s.Trend.MBPerMinute, -5, 5);
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void LeakingProgramIsGrowingAtItsKnownRate(string release)
    {
        var s = ReadFixture("leak.log", release);
        AssertLeak(s);
        Assert.Equal(s.Lines.Total, s.Lines.Cycles); // nothing but GC lines in this log
        Assert.True(s.HasStacksAndGlobals);           // the Go 1.18+ form, unchanged in Go 1.24
        Assert.Equal(1, s.Runs);
        // debug.SetGCPercent(25) with 64 KiB of garbage per ms: dozens of GCs per second.
        Assert.True(s.CyclesPerMinute > 600, $"{s.CyclesPerMinute} GC/min");
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void SteadyProgramWithWarmUpIsSteady(string release) => AssertSteady(ReadFixture("steady.log", release));

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void PausePercentilesAreOrderedAndBoundedByTheMax(string release)
    {
        var s = ReadFixture("leak.log", release);
        var stw = s.StopTheWorld;
        Assert.Equal(s.Cycles, stw.Count);
        Assert.True(stw.Percentile(50) <= stw.Percentile(90) && stw.Percentile(90) <= stw.Percentile(99) && stw.Percentile(99) <= stw.MaxMs);
        Assert.Equal(stw.MaxMs, stw.Percentile(100));
    }

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void RegeneratedTracesReachTheSameConclusions(string release)
    {
        var go = GoToolchain.Require(release);
        var dir = RepoPaths.Combine("tests", "fixtures", "gctrace");
        var tmp = Directory.CreateTempSubdirectory("mapscope-gctrace");
        try
        {
            // Shorter runs than regen.sh (8 s instead of 12 s), both at once, to keep the test quick.
            var runs = new[] { "leak", "steady" }.Select(p =>
            {
                var exe = Path.Combine(tmp.FullName, p);
                GoToolchain.Run(go, $"build -trimpath -o {exe} .", Path.Combine(dir, p), new Dictionary<string, string> { ["GOFLAGS"] = "-mod=mod", ["GOCACHE"] = Path.Combine(tmp.FullName, "gocache") });
                return Task.Run(() => GoProgram.Run(exe, "-for 8s", new() { ["GODEBUG"] = "gctrace=1" }));
            }).ToArray();
            Task.WaitAll(runs);
            AssertLeak(GcTraceReader.Read(new MemoryStream(runs[0].Result.Stderr)));
            AssertSteady(GcTraceReader.Read(new MemoryStream(runs[1].Result.Stderr)));
        }
        finally
        {
            tmp.Delete(recursive: true);
        }
    }
}
