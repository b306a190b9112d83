using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>
/// A function that writes a shared map with a mutex held, and reads, iterates or writes the same map of the
/// same value without it — the check-then-lock cache (`if v, ok := c.m[k]; ok { return v }` … `c.mu.Lock();
/// c.m[k] = v`). The function itself says the map needs the mutex, so no guess about other functions is
/// involved; the unguarded access races with the locked write of another call.
/// </summary>
internal static class SameFunctionGuard
{
    public static void Report(Pass pass, HashSet<Node> reported)
    {
        if (!FuncLocks.Of(pass).Bodies.Any(b => b.Events.Count > 0)) return;
        var (accesses, names) = GuardedAccesses.Of(pass);
        foreach (var group in accesses.GroupBy(a => (a.Body, a.Key, a.Map.Root, a.Map.Path)))
        {
            var list = group.ToList();
            var lockedWrites = list.Where(a => a.Op.IsWrite && a.Guards.Count > 0).ToList();
            if (lockedWrites.Count == 0) continue;
            // the mutex held at every locked write of this map in this function
            var guard = lockedWrites.Select(w => w.Guards.Keys.ToHashSet(StringComparer.Ordinal))
                .Aggregate((x, y) => { x.IntersectWith(y); return x; })
                .Order(StringComparer.Ordinal).FirstOrDefault();
            if (guard is null) continue;
            foreach (var a in list)
            {
                if (a.Guards.ContainsKey(guard) || !reported.Add(a.Op.At)) continue;
                var w = lockedWrites[0];
                var mutex = a.GuardDisplay(guard, names);
                pass.Report(a.File, a.Op.At,
                    $"{GoAst.Text(a.File, a.Op.Map)} is {MapOpWords.Verb(a.Op.Kind)} here without {mutex}, which this function holds when it writes it " +
                    $"(line {w.Line}): another call's write races with this access and crashes the program with \"fatal error: {MapOpWords.Crash(a.Op)}\" " +
                    $"— take {mutex} before this access too");
            }
        }
    }
}
