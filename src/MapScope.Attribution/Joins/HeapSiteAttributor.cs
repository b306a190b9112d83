using MapScope.Attribution.Source;
using MapScope.Attribution.Walk;
using MapScope.Evidence.Pprof;

namespace MapScope.Attribution.Joins;

/// <summary>
/// <see cref="ISiteAttributor"/> for heap profiles: the leaf line of an allocation resolved to the map
/// operation that allocates there. A value allocated and stored into a map on the line wins over the
/// insert itself (the values usually dominate the bytes), then a make or literal, then maps.Clone, then a
/// bare insert (the map growing). Reads, deletes and ranges do not allocate and are ignored.
/// </summary>
public sealed class HeapSiteAttributor(SourceIndex index) : ISiteAttributor
{
    public SiteAttribution? Attribute(string file, int line, string function)
    {
        if (SourceFiles.Locate(index, file) is not var (package, goFile)) return null;
        var snippet = goFile.LineText(line);
        var ops = LineQuery.Operations(package, goFile, line, function)
            .Select(op => (Op: op, Operation: Classify(op), Map: op.Kind is MapOpKind.Insert ? op.Map : op.Target))
            .Where(x => x.Operation != MapOperation.None)
            .ToList();
        if (ops.Count == 0) return new SiteAttribution(MapOperation.None, null, MapOwnerKind.Unknown, goFile.RelativePath, line, snippet);

        // Prefer operations on a named map, then by what dominates the allocation.
        var best = ops.OrderBy(x => x.Map is null ? 1 : 0).ThenBy(x => Rank(x.Operation)).First();
        var same = ops.Where(x => x.Operation == best.Operation && (x.Map is null) == (best.Map is null)).Select(x => x.Map).Distinct().Count();
        var map = same == 1 ? best.Map : null; // two maps of the same rank on one line: say which operation, not which map
        return new SiteAttribution(best.Operation, map?.Name, map?.Kind ?? MapOwnerKind.Unknown, goFile.RelativePath, line, snippet, BucketSizes(best.Op, best.Operation, map));
    }

    /// <summary>
    /// The block sizes that are this map's buckets on this line. Where a value is also allocated on the line,
    /// its block size is taken out; when that size is unknown the split is not claimed at all.
    /// </summary>
    private static IReadOnlySet<long>? BucketSizes(MapOp op, MapOperation operation, MapRef? map)
    {
        if (map?.BucketBlockSizes is not { } sizes) return null;
        if (operation != MapOperation.ValueStored) return sizes;
        if (op.ValueBlockSize is not { } value) return null;
        var result = new HashSet<long>(sizes);
        result.Remove(value);
        return result;
    }

    private static MapOperation Classify(MapOp op) => op.Kind switch
    {
        MapOpKind.Insert => op.ValueAllocates ? MapOperation.ValueStored : MapOperation.Insert,
        MapOpKind.MakeMap => MapOperation.MakeMap,
        MapOpKind.MapLiteral => MapOperation.MapLiteral,
        MapOpKind.Clone => MapOperation.MapsClone,
        _ => MapOperation.None,
    };

    private static int Rank(MapOperation op) => op switch
    {
        MapOperation.ValueStored => 0,
        MapOperation.MakeMap or MapOperation.MapLiteral => 1,
        MapOperation.MapsClone => 2,
        _ => 3,
    };
}
