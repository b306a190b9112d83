using MapScope.Evidence.Pprof;

namespace MapScope.Reports.Heap;

/// <summary>Options for <see cref="HeapReportBuilder"/>.</summary>
public sealed record HeapReportOptions
{
    /// <summary>--sample-index; null = the profile's default (inuse_space for Go heap profiles).</summary>
    public string? SampleIndex { get; init; }
    /// <summary>How many sites to list; the maps table always covers every attributed site.</summary>
    public int Top { get; init; } = 20;
    /// <summary>Resolves sites to map operations (--source); null = function and line only.</summary>
    public ISiteAttributor? Attributor { get; init; }
    /// <summary>Shown when <see cref="Attributor"/> is null; defaults to <see cref="HeapReport.NoSourceNote"/>.</summary>
    public string? UnattributedNote { get; init; }
}

/// <summary>Builds a <see cref="HeapReport"/> from a profile and an optional base with the pprof operations.</summary>
public static class HeapReportBuilder
{
    public static HeapReport Build(Profile profile, string profileName, HeapReportOptions options, Profile? baseProfile = null, string? baseName = null)
    {
        var merged = baseProfile is null ? profile : Diff.DiffBase(profile, baseProfile);
        int index = Evidence.Pprof.SampleIndex.ByName(merged, options.SampleIndex);
        int objects = Evidence.Pprof.SampleIndex.Companion(merged, index);
        bool hasBase = baseProfile is not null;
        bool valueIsObjects = merged.SampleTypes[index].Unit == "count";

        var all = Aggregate.BySite(merged, SiteGranularity.FunctionLine, blockSizes: false);
        var order = hasBase ? SiteOrder.GrowthFirst : SiteOrder.Magnitude;
        var ranked = Top.Select(all, index, -1, order);
        if (hasBase) ranked.RemoveAll(s => s.Current(index) == 0 && s.BaseValues[index] == 0);
        else ranked.RemoveAll(s => s.Values[index] == 0);

        var attributions = new Dictionary<SiteKey, SiteAttribution?>();
        SiteAttribution? AttributionOf(SiteStats s)
        {
            if (options.Attributor is null || s.Key.File.Length == 0) return null;
            if (!attributions.TryGetValue(s.Key, out var a))
                attributions[s.Key] = a = options.Attributor.Attribute(s.Key.File, (int)s.Key.Line, s.Key.Function);
            return a;
        }

        HeapSite ToSite(SiteStats s) => new(
            s.Key.Function, s.Key.File, s.Key.Line,
            s.Current(index), hasBase ? s.BaseValues[index] : null,
            objects >= 0 ? s.Current(objects) : (valueIsObjects ? s.Current(index) : 0),
            hasBase && objects >= 0 ? s.BaseValues[objects] : null,
            BlockSizes(s, index, objects),
            AttributionOf(s));

        int top = options.Top < 0 ? ranked.Count : Math.Min(options.Top, ranked.Count);
        // Histograms only for what is shown: the listed sites and, with attribution, the sites of maps.
        var shown = ranked.Take(top).Concat(options.Attributor is null ? [] : ranked.Skip(top).Where(s => AttributionOf(s) is { IsMap: true }));
        Aggregate.FillBlockSizes(merged, shown, SiteGranularity.FunctionLine);
        var sites = ranked.Take(top).Select(ToSite).ToList();

        var maps = new List<HeapMap>();
        if (options.Attributor is not null)
        {
            // Every site counts toward its map, not only the listed ones.
            var bySite = ranked.Select(s => (Stats: s, Attribution: AttributionOf(s)))
                .Where(x => x.Attribution is { IsMap: true, Map: not null })
                .GroupBy(x => (x.Attribution!.Map!, x.Attribution!.Owner));
            foreach (var g in bySite)
            {
                var members = g.Select(x => ToSite(x.Stats)).ToList();
                maps.Add(new HeapMap(g.Key.Item1, g.Key.Item2, members.Sum(m => m.Value),
                    hasBase ? members.Sum(m => m.BaseValue ?? 0) : null, members));
            }
            maps = hasBase
                ? maps.OrderByDescending(m => m.Delta).ThenBy(m => m.Map, StringComparer.Ordinal).ToList()
                : maps.OrderByDescending(m => m.Value).ThenBy(m => m.Map, StringComparer.Ordinal).ToList();
        }

        var (current, @base) = Totals.Split(merged, index);
        return new HeapReport
        {
            ProfileName = profileName,
            BaseName = baseName,
            SampleType = merged.SampleTypes[index].Type,
            Unit = merged.SampleTypes[index].Unit,
            ObjectsType = objects >= 0 ? merged.SampleTypes[objects].Type : null,
            Total = current,
            BaseTotal = hasBase ? @base : null,
            Attributed = options.Attributor is not null,
            Note = options.Attributor is not null ? null : options.UnattributedNote ?? HeapReport.NoSourceNote,
            Maps = maps,
            Sites = sites,
            OmittedSites = ranked.Count - sites.Count,
            CallTree = new Lazy<CallTreeNode>(() => CallTree.Build(merged, index, minShare: 0.001)),
        };
    }

    /// <summary>The site's histogram, largest first: values now, or now minus base with a base.</summary>
    private static IReadOnlyList<BlockSizeCount> BlockSizes(SiteStats s, int index, int objects)
    {
        var result = new List<BlockSizeCount>(s.ByBlockSize.Count);
        foreach (var (size, values) in s.ByBlockSize)
            result.Add(new BlockSizeCount(size, values[index], objects >= 0 ? values[objects] : 0));
        // In a diff these are net values; keep the sizes that still hold memory or changed.
        return result.Where(b => b.Value != 0 || b.Objects != 0)
            .OrderByDescending(b => Math.Abs(b.Value)).ThenBy(b => b.Size).ToList();
    }
}
