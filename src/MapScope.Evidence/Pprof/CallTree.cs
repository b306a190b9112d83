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
    public static CallTreeNode Build(Profile p, int index)
    {
        var root = new CallTreeNode("root");
        var path = new List<string>(64);
        foreach (var s in p.Samples)
        {
            long v = s.Values[index];
            if (v == 0) continue;
            bool isBase = s.Labels.Length > 0 && Diff.IsBase(s);
            path.Clear();
            for (int i = s.Locations.Length - 1; i >= 0; i--)
            {
                var loc = s.Locations[i];
                if (loc.Lines.Length == 0) path.Add($"0x{loc.Address:x}");
                else for (int j = loc.Lines.Length - 1; j >= 0; j--) path.Add(loc.Lines[j].Function.Name);
            }
            var node = root;
            Add(node, v, isBase);
            foreach (var name in path)
            {
                if (!node.Children.TryGetValue(name, out var child)) node.Children[name] = child = new CallTreeNode(name);
                node = child;
                Add(node, v, isBase);
            }
            node.Self += v;
        }
        return root;

        static void Add(CallTreeNode n, long v, bool isBase)
        {
            n.Value += v;
            if (isBase) n.BaseValue -= v;
        }
    }
}
