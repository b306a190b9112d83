namespace MapScope.Evidence.Pprof;

/// <summary>How to rank sites.</summary>
public enum SiteOrder
{
    /// <summary>Largest absolute flat value first (pprof -top).</summary>
    Magnitude,
    /// <summary>Largest growth first, shrinking sites last (for diffs).</summary>
    GrowthFirst,
}

/// <summary>The N largest sites, ties broken by name so output is stable.</summary>
public static class Top
{
    public static List<SiteStats> Select(IEnumerable<SiteStats> sites, int index, int n, SiteOrder order = SiteOrder.Magnitude)
    {
        Func<SiteStats, long> rank = order == SiteOrder.Magnitude ? s => Math.Abs(s.Values[index]) : s => s.Values[index];
        return sites
            .OrderByDescending(rank)
            .ThenBy(s => s.Key.Function, StringComparer.Ordinal)
            .ThenBy(s => s.Key.File, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Line)
            .ThenBy(s => s.Key.Address)
            .Take(n < 0 ? int.MaxValue : n)
            .ToList();
    }
}
