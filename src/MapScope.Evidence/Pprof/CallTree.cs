namespace MapScope.Evidence.Pprof;

/// <summary>
/// Samples folded into a tree of functions from the root of each stack to its leaf, the shape of a flame
/// graph. Inlined frames become their own nodes, as in pprof's flame graph.
/// </summary>
public sealed class CallTreeNode(string name)
{
    public string Name { get; } = name;
    /// <summary>Net value (current minus base in a diff) of all samples through this node.</summary>
    public long Value { get; internal set; }
    /// <summary>The base's value through this node (positive), 0 without a base.</summary>
    public long BaseValue { get; internal set; }
    /// <summary>Net value of samples whose leaf is this node.</summary>
    public long Self { get; internal set; }
    public Dictionary<string, CallTreeNode> Children { get; } = new(StringComparer.Ordinal);

    public long Current => Value + BaseValue;
}

public static class CallTree
{
    /// <summary>
    /// Builds the tree top-down, partitioning samples by their next frame, and stops descending into
    /// subtrees smaller than <paramref name="minShare"/> of the root (by the larger of now and base):
    /// a profile of random stacks would otherwise create a node per frame of every sample. Pruned subtrees
    /// still count in their parent's <see cref="CallTreeNode.Value"/>.
    /// </summary>
    public static CallTreeNode Build(Profile p, int index, double minShare = 0)
    {
        var frames = new List<string[]>(p.Samples.Length);
        var values = new List<long>(p.Samples.Length);
        var isBase = new List<bool>(p.Samples.Length);
        var byLocation = new Dictionary<Location, string[]>(ReferenceEqualityComparer.Instance);
        var path = new List<string>(64);
        foreach (var s in p.Samples)
        {
            long v = s.Values[index];
            if (v == 0) continue;
            path.Clear();
            for (int i = s.Locations.Length - 1; i >= 0; i--) path.AddRange(NamesRootFirst(s.Locations[i], byLocation));
            frames.Add(path.ToArray());
            values.Add(v);
            isBase.Add(s.Labels.Length > 0 && Diff.IsBase(s));
        }

        var root = new CallTreeNode("root");
        var all = new List<int>(frames.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            all.Add(i);
            Add(root, i);
        }
        long threshold = (long)Math.Ceiling(minShare * Math.Max(Math.Max(root.Current, root.BaseValue), 0));
        Expand(root, all, 0);
        return root;

        void Add(CallTreeNode n, int i)
        {
            n.Value += values[i];
            if (isBase[i]) n.BaseValue -= values[i];
        }

        void Expand(CallTreeNode node, List<int> samples, int depth)
        {
            var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var i in samples)
            {
                var f = frames[i];
                if (f.Length == depth) { node.Self += values[i]; continue; }
                if (!groups.TryGetValue(f[depth], out var list)) groups[f[depth]] = list = [];
                list.Add(i);
            }
            foreach (var (name, list) in groups)
            {
                var child = new CallTreeNode(name);
                foreach (var i in list) Add(child, i);
                if (Math.Max(child.Current, child.BaseValue) < threshold) continue;
                node.Children[name] = child;
                Expand(child, list, depth + 1);
            }
        }
    }

    private static string[] NamesRootFirst(Location loc, Dictionary<Location, string[]> cache)
    {
        if (cache.TryGetValue(loc, out var names)) return names;
        if (loc.Lines.Length == 0) names = [$"0x{loc.Address:x}"];
        else
        {
            names = new string[loc.Lines.Length];
            for (int j = 0; j < names.Length; j++) names[j] = loc.Lines[^(j + 1)].Function.Name;
        }
        cache[loc] = names;
        return names;
    }
}
