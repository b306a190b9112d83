using MapScope.Evidence.GcTrace;

namespace MapScope.Evidence.Tests.GcTrace;

public class PauseHistogramTests
{
    private static double NearestRank(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(p / 100 * sorted.Count) - 1];
    }

    [Fact]
    public void SmallPausesGiveExactPercentiles()
    {
        // Whole microseconds below 256 µs are stored exactly.
        var rng = new Random(7);
        var values = Enumerable.Range(0, 5000).Select(_ => rng.Next(0, 256) / 1000.0).ToList();
        var h = new PauseHistogram();
        values.ForEach(h.Add);
        foreach (var p in new[] { 50.0, 90, 99, 99.9, 100 })
            Assert.Equal(NearestRank(values, p), h.Percentile(p), 9);
        Assert.Equal(values.Max(), h.MaxMs);
        Assert.Equal(values.Sum(), h.SumMs, 6);
    }

    [Fact]
    public void LargePausesAreWithinOnePercent()
    {
        var rng = new Random(11);
        // Log-uniform from 0.3 ms to 3 s, rounded to microseconds as gctrace would print them.
        var values = Enumerable.Range(0, 20000).Select(_ => Math.Round(Math.Exp(rng.NextDouble() * Math.Log(10000)) * 0.3, 3)).ToList();
        var h = new PauseHistogram();
        values.ForEach(h.Add);
        foreach (var p in new[] { 50.0, 75, 90, 99, 99.9 })
        {
            double exact = NearestRank(values, p);
            Assert.InRange(h.Percentile(p), exact * 0.99, exact * 1.01);
        }
        Assert.Equal(values.Max(), h.Percentile(100), 9);
    }

    [Fact]
    public void EmptyHistogramReportsZero() => Assert.Equal(0, new PauseHistogram().Percentile(99));
}
