namespace MapScope.Evidence.Crash;

/// <summary>
/// Goroutines of one dump with identical stacks (same state, same functions at the same lines, same
/// creator), counted, with the first one kept as the representative. Arguments and wait times do not
/// split a group, as in panicparse.
/// </summary>
public sealed class StackGroup(Goroutine representative, long hash)
{
    public const int MaxIdsKept = 16;

    private readonly List<long> _ids = [representative.Id];

    internal long Hash { get; } = hash;
    internal StackGroup? NextWithSameHash { get; set; }

    public Goroutine Representative { get; } = representative;
    public long Count { get; private set; } = 1;
    /// <summary>The first <see cref="MaxIdsKept"/> goroutine ids of the group.</summary>
    public IReadOnlyList<long> Ids => _ids;
    public int MinWaitMinutes { get; private set; } = representative.WaitMinutes;
    public int MaxWaitMinutes { get; private set; } = representative.WaitMinutes;

    /// <summary>Takes back a member that turned out to be printed again with its stack (its wait times stay counted).</summary>
    internal void RemoveMember(long id)
    {
        Count--;
        _ids.Remove(id);
    }

    internal void AddMember(long id, int waitMinutes)
    {
        Count++;
        if (_ids.Count < MaxIdsKept) _ids.Add(id);
        MinWaitMinutes = Math.Min(MinWaitMinutes, waitMinutes);
        MaxWaitMinutes = Math.Max(MaxWaitMinutes, waitMinutes);
    }
}
