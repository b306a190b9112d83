namespace MapScope.Evidence.GcTrace;

/// <summary>
/// Fixed-memory histogram of pause times for percentiles over any number of GCs. Values are kept in whole
/// microseconds (the runtime prints at most microsecond precision): exact below 256 µs, and within
/// 1/128 (0.8%) above, which is finer than the three significant digits gctrace prints.
/// </summary>
public sealed class PauseHistogram
{
    private const int ExactBelow = 256;
    private const int SubBuckets = 128;
    private const int Bits = 7; // log2(SubBuckets)
    private readonly long[] _counts = new long[ExactBelow + 57 * SubBuckets];

    public long Count { get; private set; }
    public double MaxMs { get; private set; }
    public double SumMs { get; private set; }

    public void Add(double ms)
    {
        if (!(ms >= 0)) return; // NaN or negative: not a pause
        long micros = (long)Math.Round(Math.Min(ms, 1e12) * 1000);
        _counts[Bucket(micros)]++;
        Count++;
        SumMs += ms;
        if (ms > MaxMs) MaxMs = ms;
    }

    /// <summary>The nearest-rank percentile (0 &lt; p ≤ 100) in milliseconds, or 0 when empty.</summary>
    public double Percentile(double p)
    {
        if (Count == 0) return 0;
        long rank = Math.Max(1, (long)Math.Ceiling(p / 100 * Count));
        long seen = 0;
        for (int b = 0; b < _counts.Length; b++)
        {
            seen += _counts[b];
            if (seen >= rank) return Math.Min(Representative(b) / 1000.0, MaxMs);
        }
        return MaxMs;
    }

    private static int Bucket(long micros)
    {
        if (micros < ExactBelow) return (int)micros;
        int exponent = 63 - (int)long.LeadingZeroCount(micros) - Bits; // ≥ 1
        long sub = micros >> exponent;                             // in [128, 256)
        return ExactBelow + (exponent - 1) * SubBuckets + (int)(sub - SubBuckets);
    }

    private static double Representative(int bucket)
    {
        if (bucket < ExactBelow) return bucket;
        int exponent = (bucket - ExactBelow) / SubBuckets + 1;
        long sub = (bucket - ExactBelow) % SubBuckets + SubBuckets;
        long low = sub << exponent;
        return low + ((1L << exponent) - 1) / 2.0; // middle of the bucket
    }
}
