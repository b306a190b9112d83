namespace MapScope.Evidence.Pprof;

/// <summary>Profile totals as pprof's report computes them.</summary>
public static class Totals
{
    /// <summary>
    /// The denominator for percentages: the sum of absolute values; in a <see cref="Diff.DiffBase"/>
    /// profile, only the base samples count, so percentages are relative to the base.
    /// </summary>
    public static long PercentageBase(Profile p, int index)
    {
        long total = 0, baseTotal = 0;
        foreach (var s in p.Samples)
        {
            long v = Math.Abs(s.Values[index]);
            total += v;
            if (Diff.IsBase(s)) baseTotal += v;
        }
        return baseTotal > 0 ? baseTotal : total;
    }

    /// <summary>The signed sum: the profile's total, or in a diff profile, current total minus base total.</summary>
    public static long Net(Profile p, int index)
    {
        long total = 0;
        foreach (var s in p.Samples) total += s.Values[index];
        return total;
    }

    /// <summary>(current, base) sums of a diff profile; base is 0 for an ordinary profile.</summary>
    public static (long Current, long Base) Split(Profile p, int index)
    {
        long current = 0, @base = 0;
        foreach (var s in p.Samples)
        {
            if (Diff.IsBase(s)) @base -= s.Values[index];
            else current += s.Values[index];
        }
        return (current, @base);
    }
}
