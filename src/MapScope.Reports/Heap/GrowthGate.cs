using System.Globalization;

namespace MapScope.Reports.Heap;

/// <summary>
/// `--fail-on-growth 10%` or `50MB`: the CI gate. A percentage is measured against the base total (as
/// pprof -diff_base percentages are), so a tiny site doubling does not trip a 10% gate; a size is an
/// absolute growth in the sample type's unit. The total, every map and every site are checked.
/// </summary>
public sealed record GrowthGate(double? Percent, long? Amount)
{
    /// <summary>Parses "10%", "0.5%", "50MB", "512KiB", "1048576"; null with an error message otherwise.</summary>
    public static GrowthGate? Parse(string text, out string? error)
    {
        error = null;
        var t = text.Trim();
        if (t.EndsWith('%') && double.TryParse(t[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pct))
            return new GrowthGate(pct, null);
        if (ByteSize.TryParse(t, out var amount)) return new GrowthGate(null, amount);
        error = $"--fail-on-growth expects a percentage (10%) or a size (50MB), not '{text}'";
        return null;
    }

    /// <summary>What grew past the threshold, one line each; empty when the gate passes.</summary>
    public IReadOnlyList<string> Violations(HeapReport report)
    {
        if (!report.HasBase) return [];
        long baseTotal = report.BaseTotal!.Value;
        var found = new List<string>();
        Check("total", report.Delta!.Value);
        foreach (var map in report.Maps) Check($"map {map.Map}", map.Delta ?? 0);
        foreach (var site in report.Sites) Check($"{site.Function} ({HeapFormat.Location(site)})", site.Delta ?? 0);
        return found;

        void Check(string what, long delta)
        {
            if (delta <= 0) return;
            if (Percent is { } pct)
            {
                double grew = baseTotal > 0 ? 100.0 * delta / baseTotal : double.PositiveInfinity;
                if (grew > pct)
                    found.Add($"{what} grew by {HeapFormat.Value(delta, report.Unit)} ({HeapFormat.Percent(grew)} of the base total), more than {pct.ToString(CultureInfo.InvariantCulture)}%");
            }
            else if (Amount is { } amount && delta > amount)
                found.Add($"{what} grew by {HeapFormat.Value(delta, report.Unit)}, more than {HeapFormat.Value(amount, report.Unit)}");
        }
    }
}
