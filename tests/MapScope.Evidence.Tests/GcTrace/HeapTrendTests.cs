using MapScope.Evidence.GcTrace;

namespace MapScope.Evidence.Tests.GcTrace;

public class HeapTrendTests
{
    private static GcCycle Gc(long n, double at, long live) => new(n, at, 1, 0.1, 1, 0.05, live, live + 1, live, live * 2, 0, 0, 2, false);

    private static GcTraceSummary Summarize(IEnumerable<(double At, long Live)> points, int capacity = 1024)
    {
        var reader = new GcTraceReader(capacity);
        long n = 0;
        foreach (var (at, live) in points)
        {
            var gc = Gc(++n, at, live);
            reader.Accept(System.Text.Encoding.ASCII.GetBytes(
                $"gc {gc.Number} @{gc.AtSeconds:0.000}s 1%: 0.10+1.0+0.050 ms clock, 0.2+0/1/0.5+0.1 ms cpu, {gc.HeapStartMB}->{gc.HeapEndMB}->{gc.LiveMB} MB, {gc.GoalMB} MB goal, 0 MB stacks, 0 MB globals, 2 P"));
        }
        return reader.Finish();
    }

    [Fact]
    public void SteadyGrowthIsGrowingWithItsRate()
    {
        // 2 MB/s = 120 MB/min from 50 MB, one GC every 0.5 s for 5 minutes, ±2 MB of deterministic jitter.
        var s = Summarize(Enumerable.Range(0, 600).Select(i => (i * 0.5, 50 + (long)(i * 0.5 * 2) + (i * 7 % 5) - 2)));
        Assert.Equal(HeapVerdict.Growing, s.Trend.Verdict);
        Assert.InRange(s.Trend.MBPerMinute, 115, 125);
        Assert.True(s.Trend.MBPerMinuteLow95 > 100 && s.Trend.MBPerMinuteHigh95 < 140);
        Assert.True(s.Trend.LaterHalf.RSquared > 0.95);
    }

    [Fact]
    public void WarmUpRampThenFlatIsSteady()
    {
        // Ramp 0 → 200 MB over the first 30% of the run, then flat: the whole-run fit rises, the verdict must not.
        var s = Summarize(Enumerable.Range(0, 1000).Select(i => ((double)i, i < 300 ? (long)(i * 200 / 300.0) : 200L + (i % 3))));
        Assert.Equal(HeapVerdict.Steady, s.Trend.Verdict);
        Assert.True(s.Trend.Whole.Slope > 0.1, "the whole run grows because of the ramp");
        Assert.Contains("warm-up", s.Trend.Reason);
    }

    [Fact]
    public void TinySignificantGrowthBelowFivePercentIsSteady()
    {
        // 1000 MB live, growing 0.2 MB over the later half: statistically clear, practically nothing.
        var s = Summarize(Enumerable.Range(0, 1000).Select(i => ((double)i, 1000L + (i >= 999 ? 1 : 0))));
        Assert.Equal(HeapVerdict.Steady, s.Trend.Verdict);
    }

    [Fact]
    public void FewCyclesAreNotEnoughData()
    {
        var s = Summarize(Enumerable.Range(0, 10).Select(i => ((double)i, (long)(10 * i))));
        Assert.Equal(HeapVerdict.NotEnoughData, s.Trend.Verdict);
    }

    [Fact]
    public void DownsampledSeriesFitsExactlyLikeTheFullSeries()
    {
        var points = Enumerable.Range(0, 5000).Select(i => (i * 0.1, (long)(100 + Math.Sqrt(i) + i % 5))).ToList();
        var full = Summarize(points, capacity: 8192);
        var small = Summarize(points, capacity: 16);
        Assert.True(small.Series.Buckets.Count <= 16);
        Assert.Equal(5000, small.Series.Buckets.Sum(b => b.Cycles));
        Assert.Equal(full.Trend.Whole.Slope, small.Trend.Whole.Slope, 9);
        Assert.Equal(full.Trend.Whole.RSquared, small.Trend.Whole.RSquared, 9);
        // The later-half fit is exact up to bucket granularity: a bucket straddling the middle is left out.
        Assert.Equal(full.Trend.LaterHalf.Slope, small.Trend.LaterHalf.Slope, 2);
    }

    [Fact]
    public void FitMatchesHandComputedLeastSquares()
    {
        // y = 1 + 2x with residuals +1, -1, -1, +1: slope 2 exactly (residuals are orthogonal to x − mean).
        var sums = new LinearSums();
        double[] xs = [0, 1, 2, 3], ys = [2, 2, 4, 8];
        for (int i = 0; i < 4; i++) sums.Add(xs[i], ys[i]);
        var fit = sums.Fit();
        // Sxx = 5, Sxy = 10 → slope 2; SSE = Syy − slope·Sxy = 24 − 20 = 4; se = sqrt(4/2/5); t(2) = 4.303.
        Assert.Equal(2, fit.Slope, 9);
        Assert.Equal(2 - 4.303 * Math.Sqrt(0.4), fit.SlopeLow95, 6);
        Assert.Equal(100.0 / (5 * 24), fit.RSquared, 9);
    }
}
