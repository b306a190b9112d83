using System.Text;
using MapScope.Evidence.GcTrace;
using MapScope.Evidence.Tests.Crash;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.GcTrace;

/// <summary>
/// Every gctrace form since Go 1.5 (<see cref="GcTraceFormats"/>) and every paste variant of
/// <see cref="PasteVariants"/>, applied to the real leak and steady logs: the cycle count, the pauses and
/// the verdict must be those of the recording.
/// </summary>
public class GcTraceFormatTests
{
    private static string Text(string release, string name) => File.ReadAllText(Path.Combine(FixtureArtifacts.Dir(release, "gctrace"), name));

    private static GcTraceSummary Read(string text) => GcTraceReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    public static TheoryData<string, string, GcTraceFormats.Form> Forms
    {
        get
        {
            var data = new TheoryData<string, string, GcTraceFormats.Form>();
            foreach (var release in GoToolchain.Supported)
                foreach (var name in new[] { "leak.log", "steady.log" })
                    foreach (var form in Enum.GetValues<GcTraceFormats.Form>()) data.Add(release, name, form);
            return data;
        }
    }

    public static TheoryData<string, string, string> Variants
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var release in GoToolchain.Supported)
                foreach (var name in new[] { "leak.log", "steady.log" })
                    foreach (var v in PasteVariants.Whole) data.Add(release, name, v.Name);
            return data;
        }
    }

    private static void AssertSameConclusions(GcTraceSummary expected, GcTraceSummary actual, bool samePauses = true)
    {
        Assert.Equal(expected.Cycles, actual.Cycles);
        Assert.Equal(expected.Trend.Verdict, actual.Trend.Verdict);
        Assert.Equal(expected.Trend.MBPerMinute, actual.Trend.MBPerMinute, 9);
        Assert.Equal(expected.LastLiveMB, actual.LastLiveMB);
        Assert.Equal(expected.MaxGoalMB, actual.MaxGoalMB);
        if (!samePauses) return;
        foreach (var p in new[] { 50.0, 90, 99 })
        {
            Assert.Equal(expected.SweepTermination.Percentile(p), actual.SweepTermination.Percentile(p));
            Assert.Equal(expected.MarkTermination.Percentile(p), actual.MarkTermination.Percentile(p));
        }
        Assert.Equal(expected.StopTheWorld.MaxMs, actual.StopTheWorld.MaxMs, 9);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void EveryFormSinceGo15GivesTheSameCyclesPausesAndVerdict(string release, string name, GcTraceFormats.Form form)
    {
        var original = Read(Text(release, name));
        var rewritten = GcTraceFormats.Rewrite(Text(release, name), form, n => n % 50 == 0);
        var s = Read(rewritten);
        AssertSameConclusions(original, s);
        Assert.Equal(0, s.Lines.Malformed + s.Lines.Unknown);
        Assert.Equal(original.Cycles / 50, s.ForcedCycles);
        Assert.Equal(form == GcTraceFormats.Form.Go118, s.HasStacksAndGlobals);
        if (form is GcTraceFormats.Form.Go15 or GcTraceFormats.Form.Go15Dev)
            Assert.Contains("+0+", rewritten.Split('\n')[0]); // five phases really were written
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void PacerScavengerAndForcedNoticesAreCountedNotMisread(string release)
    {
        var text = Text(release, "leak.log");
        var s = Read(GcTraceFormats.WithRuntimeChatter(text, out int pacer, out int scavenger));
        AssertSameConclusions(Read(text), s);
        Assert.Equal(pacer, s.Lines.Pacer);
        Assert.Equal(scavenger, s.Lines.Scavenger);
        Assert.Equal(0, s.Lines.Unknown + s.Lines.Malformed);
    }

    [Fact]
    public void ALogOfOnlyScavengerLinesIsZeroCycles()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 12; i++) sb.Append("scvg").Append(i).Append(": inuse: 4, idle: 0, sys: 4, released: 0, consumed: 4 (MB)\n");
        var s = Read(sb.ToString());
        Assert.Equal(0, s.Cycles);
        Assert.Equal(12, s.Lines.Scavenger);
        Assert.Equal(HeapVerdict.NotEnoughData, s.Trend.Verdict);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryPasteVariantGivesTheSameConclusions(string release, string name, string variant)
    {
        var text = Text(release, name);
        var s = Read(PasteVariants.Whole.Single(v => v.Name == variant).Apply(text));
        AssertSameConclusions(Read(text), s);
        Assert.Equal(0, s.Lines.Unknown + s.Lines.Malformed);
    }

    /// <summary>Two services' GC lines interleaved by docker compose: each is read apart; the one with more cycles is analyzed.</summary>
    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void InterleavedServicesAreReadApart(string release)
    {
        var leak = Text(release, "leak.log");
        var steady = Text(release, "steady.log");
        var s = Read(PasteVariants.Interleave(steady, "cache", leak, "api"));
        var steadySummary = Read(steady);
        Assert.True(steadySummary.Cycles > Read(leak).Cycles, "the steady run has more cycles");
        Assert.Equal("cache", s.Source);
        Assert.Equal(2, s.SourcesWithCycles);
        Assert.Equal(1, s.Runs); // the other process's clock does not look like a restart
        AssertSameConclusions(steadySummary, s);
    }
}
