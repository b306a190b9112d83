using MapScope.Attribution.Source;
using MapScope.Attribution.Walk;
using MapScope.Evidence.Crash;

namespace MapScope.Attribution.Joins;

/// <summary>
/// Joins a crash culprit frame to the map operation on its line: the operation the crash kind implies
/// (a write for concurrent writes and nil-map panics, a read for read-and-write, a range for
/// iteration-and-write, maps.Clone for clone-and-write), the map's name and declaration, and every other
/// read and write of that map with the goroutine entry points that reach it. Null when the line has no
/// such operation on a provable map, or names two different maps: never a guess.
/// </summary>
public sealed class CrashJoin(SourceIndex index)
{
    public MapFacts? AtCulprit(string file, int line, string function, CrashKind kind)
    {
        var wanted = Wanted(kind);
        return wanted.Length == 0 ? null : Join(file, line, function, wanted);
    }

    /// <summary>Any map access at a frame (for the other goroutines of a concurrent-map crash).</summary>
    public MapFacts? AtFrame(string file, int line, string function) =>
        Join(file, line, function, [MapOpKind.Insert, MapOpKind.Delete, MapOpKind.Clear, MapOpKind.Read, MapOpKind.Range, MapOpKind.Clone]);

    private MapFacts? Join(string file, int line, string function, MapOpKind[] wanted)
    {
        if (line <= 0 || SourceFiles.Locate(index, file) is not var (package, goFile)) return null;
        var ops = LineQuery.Operations(package, goFile, line, function).Where(op => wanted.Contains(op.Kind)).ToList();
        if (ops.Count == 0) return null;
        // Several operations on the line are fine when they are on the same map (m[k] = m[k] + 1).
        if (ops.Select(op => op.Map).Distinct().Count() > 1 || (ops[0].Map is null && ops.Count > 1)) return null;
        var chosen = ops.OrderBy(op => Array.IndexOf(wanted, op.Kind)).First();
        return FactsBuilder.ForAccess(package, chosen);
    }

    internal static MapOpKind[] Wanted(CrashKind kind) => kind switch
    {
        CrashKind.ConcurrentMapWrites or CrashKind.SwissMapNoEmptySlot => [MapOpKind.Insert, MapOpKind.Delete, MapOpKind.Clear],
        CrashKind.NilMapAssignment => [MapOpKind.Insert],
        CrashKind.UnhashableKey => [MapOpKind.Insert, MapOpKind.Read, MapOpKind.Delete],
        CrashKind.ConcurrentMapReadAndWrite => [MapOpKind.Read],
        // Go 1.24 reports a maps.Clone racing with a write as an iteration: the culprit line is the Clone
        CrashKind.ConcurrentMapIterationAndWrite => [MapOpKind.Range, MapOpKind.Clone],
        CrashKind.ConcurrentMapCloneAndWrite => [MapOpKind.Clone],
        _ => [],
    };
}
