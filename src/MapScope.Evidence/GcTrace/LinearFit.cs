namespace MapScope.Evidence.GcTrace;

/// <summary>
/// Running sums for an ordinary least-squares line y = a + b·x. Sums over disjoint ranges add up, so a
/// fit over any run of merged buckets is exact. Callers shift x and y by a fixed origin to keep the
/// sums well conditioned.
/// </summary>
public struct LinearSums
{
    public long N;
    public double X, Y, XX, XY, YY;

    public void Add(double x, double y)
    {
        N++;
        X += x; Y += y; XX += x * x; XY += x * y; YY += y * y;
    }

    public void Add(in LinearSums other)
    {
        N += other.N;
        X += other.X; Y += other.Y; XX += other.XX; XY += other.XY; YY += other.YY;
    }

    public readonly LinearFit Fit() => LinearFit.From(this);
}

/// <summary>The fitted slope with its 95% confidence interval and R².</summary>
public readonly record struct LinearFit(long Points, double Slope, double SlopeLow95, double SlopeHigh95, double RSquared)
{
    public static LinearFit From(in LinearSums s)
    {
        if (s.N < 3) return new LinearFit(s.N, 0, double.NegativeInfinity, double.PositiveInfinity, 0);
        double n = s.N;
        double sxx = s.XX - s.X * s.X / n;
        double sxy = s.XY - s.X * s.Y / n;
        double syy = Math.Max(0, s.YY - s.Y * s.Y / n);
        if (sxx <= 0) return new LinearFit(s.N, 0, double.NegativeInfinity, double.PositiveInfinity, 0);
        double slope = sxy / sxx;
        double residual = Math.Max(0, syy - slope * sxy);
        double standardError = Math.Sqrt(residual / (n - 2) / sxx);
        double half = StudentT.Quantile975(s.N - 2) * standardError;
        double r2 = syy > 0 ? Math.Clamp(sxy * sxy / (sxx * syy), 0, 1) : 0;
        return new LinearFit(s.N, slope, slope - half, slope + half, r2);
    }
}

/// <summary>The 97.5% quantile of Student's t distribution (two-sided 95% intervals).</summary>
internal static class StudentT
{
    private static readonly double[] Table =
    [
        double.PositiveInfinity, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public static double Quantile975(long degreesOfFreedom)
    {
        if (degreesOfFreedom < Table.Length) return Table[Math.Max(1, degreesOfFreedom)];
        // Cornish–Fisher expansion around the normal quantile; accurate to 1e-3 beyond 30 df.
        const double z = 1.959964;
        double df = degreesOfFreedom;
        return z + (z * z * z + z) / (4 * df) + (5 * Math.Pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * df * df);
    }
}
