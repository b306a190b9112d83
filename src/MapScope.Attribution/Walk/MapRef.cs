using MapScope.Attribution.Source;
using MapScope.Evidence.Pprof;

namespace MapScope.Attribution.Walk;

/// <summary>
/// A map with a name: a package-level variable, a struct field, or a local variable / parameter.
/// Two references are the same map when they denote the same declaration (fields: the same field of the
/// same struct type, whichever value it is reached through).
/// </summary>
internal sealed class MapRef(object key, MapOwnerKind kind, string name, string shortName, GoFile? declFile, int declOffset, string type)
{
    private readonly object _key = key;

    /// <summary>A copy of <paramref name="r"/> that knows its bucket block sizes.</summary>
    public MapRef(MapRef r, IReadOnlySet<long> bucketBlockSizes)
        : this(r._key, r.Kind, r.Name, r.ShortName, r.DeclarationFile, r.DeclarationOffset, r.Type) => BucketBlockSizes = bucketBlockSizes;

    public MapOwnerKind Kind { get; } = kind;
    /// <summary>As a Go programmer names it: "main.cache", "(*main.Server).sessions", "counts (local in main.build)".</summary>
    public string Name { get; } = name;
    /// <summary>The identifier alone: "cache", "sessions", "counts".</summary>
    public string ShortName { get; } = shortName;
    public GoFile? DeclarationFile { get; } = declFile;
    public int DeclarationOffset { get; } = declOffset;
    /// <summary>The map's type as far as syntax shows it ("map[string]*entry", "Cache").</summary>
    public string Type { get; } = type;

    /// <summary>The bucket block sizes of this map's type, when its key and element sizes are known from syntax.</summary>
    public IReadOnlySet<long>? BucketBlockSizes { get; init; }

    public override bool Equals(object? obj) => obj is MapRef other && Equals(_key, other._key);
    public override int GetHashCode() => _key.GetHashCode();
    public override string ToString() => Name;
}
