namespace MapScope.Attribution.Walk;

/// <summary>Which goroutine entry points reach which functions, over the same-package call edges.</summary>
internal static class CallGraph
{
    public static Dictionary<FunctionUnit, List<EntryPoint>> Reachability(IReadOnlyList<EntryPoint> entries)
    {
        var reachedBy = new Dictionary<FunctionUnit, List<EntryPoint>>();
        foreach (var entry in entries)
        {
            var seen = new HashSet<FunctionUnit>();
            var pending = new Stack<FunctionUnit>();
            pending.Push(entry.Target);
            while (pending.Count > 0)
            {
                var u = pending.Pop();
                if (!seen.Add(u)) continue;
                if (!reachedBy.TryGetValue(u, out var list)) reachedBy[u] = list = [];
                list.Add(entry);
                foreach (var callee in u.Calls) pending.Push(callee);
            }
        }
        return reachedBy;
    }
}
