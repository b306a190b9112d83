using MapScope.Attribution.Joins;
using MapScope.Evidence.Escape;

namespace MapScope.Reports.Escape;

/// <summary>
/// What --source says about an escape log: the variable or field each heap map is stored in, the map each
/// leak goes into, and the indexed stores settled by the source — upgraded to map-value leaks when X is a
/// map, dropped when X is a slice, array or string, kept as they are when the source cannot tell.
/// </summary>
public sealed class EscapeSourceFacts
{
    private readonly Dictionary<MapEscape, MapFacts?> _maps = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MapLeak, MapFacts?> _leaks = new(ReferenceEqualityComparer.Instance);

    private EscapeSourceFacts(Func<string, string> path, IReadOnlyList<MapLeak> leaks, int dropped)
    {
        Path = path;
        Leaks = leaks;
        DroppedIndexedStores = dropped;
    }

    /// <summary>Shows a path relative to --source to the user.</summary>
    public Func<string, string> Path { get; }
    /// <summary>The log's leaks after the source settled the indexed stores.</summary>
    public IReadOnlyList<MapLeak> Leaks { get; }
    /// <summary>Indexed stores the source proved are not map stores.</summary>
    public int DroppedIndexedStores { get; }

    public static EscapeSourceFacts Build(EscapeLog log, EscapeJoin join, Func<string, string> path)
    {
        var leaks = new List<MapLeak>();
        int dropped = 0;
        foreach (var l in log.Leaks)
        {
            if (l.Kind == MapLeakKind.IndexedStore && l.At is { } at)
            {
                switch (join.IsMapStore(l.Package, at.File, at.Line, at.Column))
                {
                    case true: leaks.Add(l with { Kind = MapLeakKind.ValueOfMapPut }); continue;
                    case false: dropped++; continue;
                }
            }
            leaks.Add(l);
        }
        var facts = new EscapeSourceFacts(path, leaks, dropped);
        foreach (var m in log.Maps)
            facts._maps[m] = join.AtAllocation(m.Package, m.Position.File, m.Position.Line, m.Position.Column);
        foreach (var l in leaks)
        {
            if (l.At is not { } at) continue;
            facts._leaks[l] = l.Kind is MapLeakKind.MapLiteralKey or MapLeakKind.MapLiteralValue
                ? join.AtAllocation(l.Package, at.File, at.Line, at.Column)
                : join.AtMapOperation(l.Package, at.File, at.Line, at.Column);
        }
        return facts;
    }

    public MapFacts? Map(MapEscape m) => _maps.GetValueOrDefault(m);

    public MapFacts? Leak(MapLeak l) => _leaks.GetValueOrDefault(l);
}
