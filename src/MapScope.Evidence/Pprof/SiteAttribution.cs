namespace MapScope.Evidence.Pprof;

/// <summary>
/// Resolves a heap profile's leaf site to the map operation on that source line. Implemented outside
/// Evidence (the attribution layer, which owns the Go parser); reports call it once per reported site.
/// </summary>
public interface ISiteAttributor
{
    /// <summary>
    /// <paramref name="file"/> and <paramref name="function"/> exactly as the profile records them (an
    /// absolute build path, or a module path with -trimpath), <paramref name="line"/> 1-based. Returns null
    /// when the file is not under the source tree or cannot be read; returns a record with
    /// <see cref="MapOperation.None"/> when the line was read and is not a map operation.
    /// </summary>
    SiteAttribution? Attribute(string file, int line, string function);
}

/// <summary>What a profiled line does to a map.</summary>
public enum MapOperation
{
    /// <summary>The line was found and is not a map operation.</summary>
    None,
    /// <summary>make(map[K]V) or make(map[K]V, n).</summary>
    MakeMap,
    /// <summary>A map composite literal, map[K]V{...}.</summary>
    MapLiteral,
    /// <summary>m[k] = v or m[k] op= v: the allocation is the map growing (bucket arrays / groups).</summary>
    Insert,
    /// <summary>A value allocated and stored into a map on the line (cache[k] = &amp;T{}, m[k] = append(m[k], x)).</summary>
    ValueStored,
    /// <summary>maps.Clone (or a hand-written copy the attributor recognises).</summary>
    MapsClone,
}

/// <summary>Where the map lives.</summary>
public enum MapOwnerKind
{
    Unknown,
    /// <summary>A package-level variable, e.g. main.cache.</summary>
    PackageVariable,
    /// <summary>A struct field, e.g. (*Server).sessions.</summary>
    Field,
    /// <summary>A local variable or parameter.</summary>
    Local,
}

/// <summary>
/// The attribution of one site.
/// <paramref name="Map"/>: how a Go programmer names the map ("main.cache", "(*main.Server).sessions",
/// "counts (local in main.build)"); null for <see cref="MapOperation.None"/> or when unknown.
/// <paramref name="SourcePath"/>: the matched file relative to --source, '/'-separated.
/// <paramref name="Snippet"/>: the source line, trimmed; null if not read.
/// <paramref name="BucketBlockSizes"/>: optional block sizes (the `bytes` label) the attributor knows to
/// be the map's own storage (bucket arrays / groups) rather than the values stored in it.
/// </summary>
public sealed record SiteAttribution(
    MapOperation Operation,
    string? Map,
    MapOwnerKind Owner,
    string SourcePath,
    int Line,
    string? Snippet,
    IReadOnlySet<long>? BucketBlockSizes = null)
{
    public bool IsMap => Operation != MapOperation.None;
}
