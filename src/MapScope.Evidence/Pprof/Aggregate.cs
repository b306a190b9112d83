namespace MapScope.Evidence.Pprof;

/// <summary>How finely to group samples by their leaf.</summary>
public enum SiteGranularity
{
    /// <summary>One site per leaf location (program counter), like pprof -addresses.</summary>
    Location,
    /// <summary>One site per leaf function, file and line, like pprof -lines.</summary>
    FunctionLine,
}

/// <summary>A leaf site. <see cref="Address"/> is 0 unless grouping by location.</summary>
public readonly record struct SiteKey(string Function, string File, long Line, ulong Address)
{
    public override string ToString() => File.Length == 0 ? Function : $"{Function} {File}:{Line}";
}

/// <summary>
/// The values of all samples whose leaf is one site. <see cref="Values"/> are net (in a diff profile:
/// current minus base), one per sample type; <see cref="BaseValues"/> are the base's (positive);
/// <see cref="ByBlockSize"/> splits the net values by the numeric label (Go's `bytes` = block size; 0
/// when absent), which tells a map's bucket arrays from the values allocated on the same line.
/// </summary>
public sealed class SiteStats(SiteKey key, Location leaf, int types)
{
    public SiteKey Key { get; } = key;
    public Location Leaf { get; } = leaf;
    public long[] Values { get; } = new long[types];
    public long[] BaseValues { get; } = new long[types];
    public Dictionary<long, long[]> ByBlockSize { get; } = [];

    public long Current(int index) => Values[index] + BaseValues[index];
}

/// <summary>Flat aggregation by leaf site (pprof's "flat" column).</summary>
public static class Aggregate
{
    public const string BlockSizeLabel = "bytes";

    /// <summary>
    /// Sums samples by leaf site. With <paramref name="blockSizes"/> false, <see cref="SiteStats.ByBlockSize"/>
    /// stays empty; fill it for the sites a report shows with <see cref="FillBlockSizes"/>. Building
    /// histograms for every site of a large profile costs more than the aggregation itself.
    /// </summary>
    public static List<SiteStats> BySite(Profile p, SiteGranularity granularity, bool blockSizes = true, string blockLabel = BlockSizeLabel)
    {
        int types = p.SampleTypes.Length;
        var byLocation = new Dictionary<Location, SiteStats>(ReferenceEqualityComparer.Instance);
        var byKey = new Dictionary<SiteKey, SiteStats>();
        var order = new List<SiteStats>();

        foreach (var s in p.Samples)
        {
            var leaf = s.Locations.Length > 0 ? s.Locations[0] : NoLocation;
            if (!byLocation.TryGetValue(leaf, out var site))
            {
                var key = KeyOf(leaf, granularity);
                if (!byKey.TryGetValue(key, out site))
                {
                    site = new SiteStats(key, leaf, types);
                    byKey[key] = site;
                    order.Add(site);
                }
                byLocation[leaf] = site;
            }
            bool isBase = s.Labels.Length > 0 && Diff.IsBase(s);
            var values = s.Values;
            var sum = site.Values;
            for (int i = 0; i < sum.Length; i++) sum[i] += values[i];
            if (isBase)
                for (int i = 0; i < sum.Length; i++) site.BaseValues[i] -= values[i];
            if (blockSizes) AddBlock(site, s, blockLabel);
        }
        return order;
    }

    /// <summary>Fills <see cref="SiteStats.ByBlockSize"/> of <paramref name="sites"/> (from <see cref="BySite"/> of the same profile).</summary>
    public static void FillBlockSizes(Profile p, IEnumerable<SiteStats> sites, SiteGranularity granularity, string blockLabel = BlockSizeLabel)
    {
        var wanted = new Dictionary<SiteKey, SiteStats>();
        foreach (var site in sites)
        {
            site.ByBlockSize.Clear();
            wanted[site.Key] = site;
        }
        var byLocation = new Dictionary<Location, SiteStats?>(ReferenceEqualityComparer.Instance);
        foreach (var s in p.Samples)
        {
            var leaf = s.Locations.Length > 0 ? s.Locations[0] : NoLocation;
            if (!byLocation.TryGetValue(leaf, out var site))
                byLocation[leaf] = site = wanted.GetValueOrDefault(KeyOf(leaf, granularity));
            if (site is not null) AddBlock(site, s, blockLabel);
        }
    }

    private static readonly Location NoLocation = new(0, null, 0, [], false);

    private static void AddBlock(SiteStats site, Sample s, string blockLabel)
    {
        long block = s.NumLabel(blockLabel) ?? 0;
        if (!site.ByBlockSize.TryGetValue(block, out var hist)) site.ByBlockSize[block] = hist = new long[s.Values.Length];
        for (int i = 0; i < hist.Length; i++) hist[i] += s.Values[i];
    }

    public static SiteKey KeyOf(Location leaf, SiteGranularity granularity)
    {
        ulong address = granularity == SiteGranularity.Location ? leaf.Address : 0;
        if (leaf.Lines.Length == 0) return new SiteKey($"0x{leaf.Address:x}", "", 0, address);
        var line = leaf.Lines[0];
        return new SiteKey(line.Function.Name, line.Function.Filename, line.LineNumber, address);
    }
}
