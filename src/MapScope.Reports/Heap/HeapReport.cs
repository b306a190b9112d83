using MapScope.Evidence.Pprof;

namespace MapScope.Reports.Heap;

/// <summary>
/// What `mapscope heap` reports, independent of format. Values are of one sample type (e.g. inuse_space);
/// with a base, every value is "now" and every delta is now minus base (pprof -diff_base).
/// </summary>
public sealed record HeapReport
{
    public required string ProfileName { get; init; }
    public string? BaseName { get; init; }
    public required string SampleType { get; init; }
    public required string Unit { get; init; }
    /// <summary>The companion sample type counted in <see cref="HeapSite.Objects"/> (e.g. inuse_objects), or null.</summary>
    public string? ObjectsType { get; init; }

    public required long Total { get; init; }
    public long? BaseTotal { get; init; }
    public long? Delta => BaseTotal is { } b ? Total - b : null;
    public bool HasBase => BaseTotal is not null;

    /// <summary>True when sites went through an <see cref="ISiteAttributor"/> (--source given).</summary>
    public bool Attributed { get; init; }

    /// <summary>Maps ranked by bytes (growth first with a base); empty without attribution.</summary>
    public required IReadOnlyList<HeapMap> Maps { get; init; }
    /// <summary>The top sites by leaf function and line, largest (or fastest growing) first.</summary>
    public required IReadOnlyList<HeapSite> Sites { get; init; }
    /// <summary>Sites not shown because of --top.</summary>
    public int OmittedSites { get; init; }

    /// <summary>
    /// The call tree for the flame graph (values of <see cref="SampleType"/>), built on first use and pruned
    /// below 0.1% of the root: only the HTML report needs it.
    /// </summary>
    public required Lazy<CallTreeNode> CallTree { get; init; }

    /// <summary>Why sites are not attributed (null when they are), e.g. <see cref="NoSourceNote"/>.</summary>
    public string? Note { get; init; }

    public const string NoSourceNote = "no --source given: sites are shown by function and line only";
}

/// <summary>
/// A leaf site: function, file and line as the profile records them, its value now (and in the base),
/// its block-size histogram from the `bytes` label, and what the attribution layer said about the line.
/// </summary>
public sealed record HeapSite(
    string Function,
    string File,
    long Line,
    long Value,
    long? BaseValue,
    long Objects,
    long? BaseObjects,
    IReadOnlyList<BlockSizeCount> BlockSizes,
    SiteAttribution? Attribution)
{
    public long? Delta => BaseValue is { } b ? Value - b : null;

    /// <summary>
    /// Of <see cref="Value"/>, what sits in blocks of the map's own bucket-array sizes (the map's storage, as
    /// opposed to values allocated on the same line); null when the attribution knows no bucket sizes.
    /// </summary>
    public long? MapStorage => Attribution is { IsMap: true, BucketBlockSizes: { } set }
        ? BlockSizes.Where(b => set.Contains(b.Size)).Sum(b => b.Value)
        : null;
}

/// <summary>Live (or allocated) memory in blocks of one size at a site; Size 0 = no `bytes` label.</summary>
public sealed record BlockSizeCount(long Size, long Value, long Objects);

/// <summary>All sites attributed to one map, e.g. main.cache.</summary>
public sealed record HeapMap(string Map, MapOwnerKind Owner, long Value, long? BaseValue, IReadOnlyList<HeapSite> Sites)
{
    public long? Delta => BaseValue is { } b ? Value - b : null;
}
