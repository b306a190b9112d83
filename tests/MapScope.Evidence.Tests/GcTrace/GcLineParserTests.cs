using MapScope.Evidence.GcTrace;
using System.Text;

namespace MapScope.Evidence.Tests.GcTrace;

public class GcLineParserTests
{
    private static GcLineKind Classify(string line, out GcCycle cycle) => GcLineParser.Classify(Encoding.UTF8.GetBytes(line), out cycle);

    [Fact]
    public void Go119LineGivesEveryField()
    {
        // The sample from facts.md, printed by Go 1.19.
        var kind = Classify("gc 1 @0.034s 1%: 0.17+3.0+0.047 ms clock, 0.34+0/1.0/0.71+0.094 ms cpu, 3->4->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P", out var gc);
        Assert.Equal(GcLineKind.Cycle, kind);
        Assert.Equal(1, gc.Number);
        Assert.Equal(0.034, gc.AtSeconds, 9);
        Assert.Equal(1, gc.CpuPercent);
        Assert.Equal(0.17, gc.SweepTerminationMs, 9);
        Assert.Equal(3.0, gc.ConcurrentMarkMs, 9);
        Assert.Equal(0.047, gc.MarkTerminationMs, 9);
        Assert.Equal((3, 4, 1, 4), (gc.HeapStartMB, gc.HeapEndMB, gc.LiveMB, gc.GoalMB));
        Assert.Equal((0, 0, 2), (gc.StacksMB, gc.GlobalsMB, gc.Procs));
        Assert.True(gc.HasStacksAndGlobals);
        Assert.False(gc.Forced);
        Assert.Equal(0.217, gc.StopTheWorldMs, 9);
    }

    [Fact]
    public void Go117LineHasNoStacksOrGlobals()
    {
        var kind = Classify("gc 14 @12.250s 2%: 0.012+25+0.005 ms clock, 0.10+1.2/48/120+0.042 ms cpu, 123->130->64 MB, 128 MB goal, 8 P", out var gc);
        Assert.Equal(GcLineKind.Cycle, kind);
        Assert.Equal((14, 64L, 128L, 8), (gc.Number, gc.LiveMB, gc.GoalMB, gc.Procs));
        Assert.Equal(25, gc.ConcurrentMarkMs, 9);
        Assert.False(gc.HasStacksAndGlobals);
        Assert.Equal(-1, gc.StacksMB);
    }

    [Theory]
    [InlineData("gc 3 @0.101s 0%: 0.011+0.30+0.002 ms clock, 0.022+0/0.20/0.12+0.005 ms cpu, 4->4->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)")]
    [InlineData("gc 3 @0.101s 0%: 0.011+0.30+0.002 ms clock, 0.022+0/0.20/0.12+0.005 ms cpu, 4->4->0 MB, 4 MB goal, 2 P (forced)")]
    public void ForcedSuffixIsRecognized(string line)
    {
        Assert.Equal(GcLineKind.Cycle, Classify(line, out var gc));
        Assert.True(gc.Forced);
        Assert.Equal(3, gc.Number);
    }

    [Theory]
    [InlineData("scvg0: inuse: 3, idle: 0, sys: 3, released: 0, consumed: 3 (MB)", GcLineKind.Scavenger)]
    [InlineData("scvg: 0 MB released", GcLineKind.Scavenger)]
    [InlineData("scav 0 KiB work (bg), 0 KiB work (eager), 160 KiB total, 24% util", GcLineKind.Scavenger)]
    [InlineData("scav 64 KiB work, 1024 KiB total, 97% util", GcLineKind.Scavenger)]
    [InlineData("gc1(1): 1+0+95+0 us, 0 -> 0 MB, 21 (21-0) objects, 2 goroutines, 15/0/0 sweeps, 0(0) handoff, 0(0) steal, 0/0/0 yields", GcLineKind.Legacy)]
    [InlineData("", GcLineKind.Blank)]
    [InlineData("listening on :8080", GcLineKind.Unknown)]
    [InlineData("gcc: not found", GcLineKind.Unknown)]
    // Cut in half, or with a field missing: it looks like a GC line but is not one.
    [InlineData("gc 12 @3.2s 1%: 0.1+2.0+0.03 ms clock, 0.2+0/1/0.5+0.06 ms cpu, 10->11", GcLineKind.Malformed)]
    [InlineData("gc 12 @3.2s 1%: 0.1+2.0+0.03 ms clock, 0.2+0/1/0.5+0.06 ms cpu, 10->11->5 MB, 11 MB goal, 0 MB stacks, 0 MB globals, 2 P junk", GcLineKind.Malformed)]
    [InlineData("gc 12 @", GcLineKind.Malformed)]
    public void OtherLinesAreClassified(string line, GcLineKind expected) => Assert.Equal(expected, Classify(line, out _));

    [Fact]
    public void CycleAfterUnterminatedProgramOutputIsFound()
    {
        var kind = Classify("processing batch 7...gc 12 @3.200s 1%: 0.1+2.0+0.03 ms clock, 0.2+0/1/0.5+0.06 ms cpu, 10->11->5 MB, 11 MB goal, 0 MB stacks, 0 MB globals, 2 P", out var gc);
        Assert.Equal(GcLineKind.Cycle, kind);
        Assert.Equal((12L, 5L), (gc.Number, gc.LiveMB));
    }
}
