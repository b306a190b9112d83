namespace MapScope.Attribution.Walk;

/// <summary>What one walk over a package found: its functions, map operations and goroutine entry points.</summary>
internal sealed class PackageAnalysis(IReadOnlyList<FunctionUnit> units, IReadOnlyList<MapOp> ops, IReadOnlyList<EntryPoint> entries, IReadOnlyList<IndexStore> indexStores)
{
    private Dictionary<FunctionUnit, List<EntryPoint>>? _reachedBy;

    public IReadOnlyList<FunctionUnit> Units { get; } = units;
    public IReadOnlyList<MapOp> Ops { get; } = ops;
    public IReadOnlyList<EntryPoint> Entries { get; } = entries;
    /// <summary>Index stores X[k] = v whose X is not provably a map.</summary>
    public IReadOnlyList<IndexStore> IndexStores { get; } = indexStores;

    /// <summary>The entry points whose goroutine can reach <paramref name="unit"/> through same-package calls.</summary>
    public IReadOnlyList<EntryPoint> EntriesReaching(FunctionUnit unit)
    {
        _reachedBy ??= CallGraph.Reachability(Entries);
        return _reachedBy.TryGetValue(unit, out var list) ? list : [];
    }
}
