namespace MapScope.Evidence.GcTrace;

/// <summary>
/// The live-heap trend and its verdict. The verdict is judged on the later half of the run only, so a
/// warm-up ramp (caches filling, pools growing to size) is not called a leak: growth must persist.
/// </summary>
public sealed record HeapTrend(
    HeapVerdict Verdict,
    string Reason,
    LinearFit Whole,
    LinearFit LaterHalf,
    double LaterHalfFromSeconds,
    double MeanLiveMBLaterHalf)
{
    /// <summary>Fewer GCs than this in the later half and the verdict is "not enough data".</summary>
    public const int MinCyclesInLaterHalf = 8;

    /// <summary>Growth over the later half smaller than this fraction of the live heap is "steady".</summary>
    public const double MinRelativeGrowth = 0.05;

    /// <summary>Later-half growth in MB per minute (MiB as gctrace prints it).</summary>
    public double MBPerMinute => LaterHalf.Slope * 60;
    public double MBPerMinuteLow95 => LaterHalf.SlopeLow95 * 60;
    public double MBPerMinuteHigh95 => LaterHalf.SlopeHigh95 * 60;

    public static HeapTrend Judge(HeapSeries series, double firstSeconds, double lastSeconds)
    {
        var whole = series.SumsFrom(double.NegativeInfinity).Fit();
        double middle = (firstSeconds + lastSeconds) / 2;
        var laterSums = series.SumsFrom(middle);
        var later = laterSums.Fit();
        double meanLive = laterSums.N == 0 ? 0 : laterSums.Y / laterSums.N + series.OriginMB;
        double span = lastSeconds - middle;

        if (laterSums.N < MinCyclesInLaterHalf || span <= 0)
            return new HeapTrend(HeapVerdict.NotEnoughData,
                $"{series.Count} GCs, {laterSums.N} in the later half; need at least {MinCyclesInLaterHalf} there", whole, later, middle, meanLive);

        double growth = later.Slope * span;
        double material = Math.Max(1.0, MinRelativeGrowth * meanLive);
        if (later.SlopeLow95 > 0 && growth >= material)
            return new HeapTrend(HeapVerdict.Growing,
                $"live heap grew {growth:0.#} MB over the later half of the run ({span:0.#} s), 95% CI of the slope above zero", whole, later, middle, meanLive);

        string reason = later.SlopeLow95 > 0
            ? $"later-half growth {growth:0.##} MB is below {material:0.#} MB (max of 1 MB and {MinRelativeGrowth:P0} of the live heap)"
            : "no significant growth in the later half of the run";
        if (whole.SlopeLow95 > 0 && whole.Slope * (lastSeconds - firstSeconds) >= material && later.SlopeLow95 <= 0)
            reason += "; the earlier growth looks like a warm-up ramp";
        return new HeapTrend(HeapVerdict.Steady, reason, whole, later, middle, meanLive);
    }
}
