using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Maps;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.InconsistentMapLock;

/// <summary>
/// Lockset inference (Eraser, RacerD): a shared map whose accesses are mostly made with one mutex held is
/// guarded by it — the code itself says the map is used concurrently. An access without that mutex races with
/// the guarded ones: a write against any of them (concurrent map writes), a read or iteration against a write
/// (concurrent map read and map write, concurrent map iteration and map write). Accesses through values the
/// function created itself, in init, in tests, and in helpers whose callers are not all visible are left out.
/// </summary>
internal static class InconsistentLocking
{
    /// <summary>An inferred guard needs this many accesses that hold it, and at least as many as the accesses that do not.</summary>
    private const int MinGuarded = 2;

    public static void Run(Pass pass, HashSet<Node> reported)
    {
        var locks = FuncLocks.Of(pass);
        if (!locks.Bodies.Any(b => b.Events.Count > 0)) return; // no mutex in the package: nothing is guarded
        var (accesses, names) = GuardedAccesses.Of(pass);
        var documented = GuardComments.Find(pass);
        var confined = Confinement.Find(pass);

        foreach (var group in accesses.GroupBy(a => a.Key))
        {
            var list = group.ToList();
            if (!list.Any(a => a.Op.IsWrite)) continue; // only reads: no race the runtime traps
            if (confined.Contains(group.Key)) continue; // one goroutine's, by its documentation
            var doc = documented.TryGetValue(group.Key, out var d) ? d : null;
            if (Guard(list, doc) is not { } guard) continue;
            // Unguarded reads of a map whose guard is only inferred from a majority were mostly happens-before
            // conventions on real code (register before serving, values not yet published). Report them under a
            // documented guard, or when every write — at least two — holds the guard: the writers' own statement
            // that the map is shared.
            var writes = list.Where(a => a.Op.IsWrite).ToList();
            bool readsToo = (guard == doc || writes.Count >= 2 && writes.All(w => w.Guards.ContainsKey(guard)))
                            && !FrozenAfterStart.AllWritesRefuseAfterStart(pass, writes);
            if (guard.StartsWith("abs:", StringComparison.Ordinal))
            {
                // a lock of an enclosing struct guards only the maps reached through that struct
                var shape = guard[4..guard.IndexOf('#')];
                list = list.Where(a => a.Shape == shape).ToList();
                if (!list.Any(a => a.Op.IsWrite) || Guard(list, null) != guard) continue;
            }
            var guarded = list.Where(a => a.Guards.ContainsKey(guard)).ToList();
            // the guard as a mutex field of a type (Bridge.cacheLock): an access holding that field of some value of
            // the type may hold the guard through another path (br.cacheLock for user.Bridge.cacheLock) — unknown
            var guardSlot = guarded.Select(a => a.GuardSlots.GetValueOrDefault(guard)).FirstOrDefault(x => x != null);
            foreach (var a in list)
            {
                if (a.Guards.ContainsKey(guard) || !a.Op.IsWrite && !readsToo) continue;
                if (guardSlot != null && a.HeldSlots.Contains(guardSlot)) continue;
                // the function itself writes this map under the guard: concurrent-map-access's check-then-lock says it
                if (guarded.Any(g => ReferenceEquals(g.Body, a.Body) && g.Op.IsWrite && ReferenceEquals(g.Map.Root, a.Map.Root))) continue;
                if (!reported.Add(a.Op.At)) continue;
                var others = list.Count - 1;
                var where = Lines(guarded, a.File);
                var held = guarded.Count == others ? $"every other access of {group.Key.Display} holds it" : $"{guarded.Count} of the {others} other accesses of {group.Key.Display} hold it";
                pass.Report(a.File, a.Op.At,
                    $"{GoAst.Text(a.File, a.Op.Map)} is {MapOpWords.Verb(a.Op.Kind)} without {a.GuardDisplay(guard, names)} held; {held} ({where}): " +
                    $"{Crash(a.Op)} — take {a.GuardDisplay(guard, names)} here too",
                    guarded.Take(6).Select(g => (g.File, (Node)g.Op.At, $"{MapOpWords.Verb(g.Op.Kind)} with {g.GuardDisplay(guard, names)} held")).ToList());
            }
        }
    }

    /// <summary>The guard of a map: its documented mutex if some access holds it, else the mutex most accesses hold.</summary>
    private static string? Guard(List<GuardedAccess> list, string? documented)
    {
        if (documented != null && list.Any(a => a.Guards.ContainsKey(documented))) return documented;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in list)
            foreach (var g in a.Guards.Keys) counts[g] = counts.GetValueOrDefault(g) + 1;
        if (counts.Count == 0) return null;
        var best = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First();
        return best.Value >= MinGuarded && best.Value >= list.Count - best.Value ? best.Key : null;
    }

    private static string Crash(MapOperation op) => op.Kind switch
    {
        _ when op.IsWrite => $"concurrent writes crash the program with \"fatal error: {MapOpWords.Crash(op)}\"",
        MapOpKind.Range or MapOpKind.Clone or MapOpKind.Reflect => $"iterating while another goroutine writes crashes the program with \"fatal error: {MapOpWords.Crash(op)}\"",
        _ => $"reading while another goroutine writes crashes the program with \"fatal error: {MapOpWords.Crash(op)}\"",
    };

    /// <summary>"server.go:41, 57, 63" — the guarded accesses, this file's first, a few of them.</summary>
    private static string Lines(List<GuardedAccess> guarded, ParsedFile current)
    {
        var parts = new List<string>();
        foreach (var byFile in guarded.GroupBy(g => g.File.Path).OrderBy(g => g.Key == current.Path ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var lines = byFile.Select(g => g.Line).Distinct().Order().ToList();
            var shown = lines.Take(6).Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture));
            parts.Add($"{Path.GetFileName(byFile.Key)}:{string.Join(", ", shown)}{(lines.Count > 6 ? ", …" : "")}");
            if (parts.Count == 3) break;
        }
        return "line" + (guarded.Count == 1 ? " " : "s ") + string.Join("; ", parts);
    }
}
