using System.Runtime.CompilerServices;
namespace MapScope.Evidence.Crash;

/// <summary>Collects one dump's messages and goroutines; groups goroutines by stack as they finish.</summary>
internal sealed class DumpBuilder(int index, long firstLine, int maxGroups)
{
    public const int MaxMessages = 8;
    public const int MaxDetails = 16;
    public const int MaxOtherParties = 16;

    private readonly Dictionary<long, StackGroup> _groupsByHash = [];
    private readonly List<StackGroup> _groups = [];
    private readonly HashSet<long> _ids = [];
    private readonly List<OtherParty> _otherParties = [];
    /// <summary>Goroutines printed as "running on other thread; stack unavailable", with the group they were put in.</summary>
    private readonly Dictionary<long, StackGroup> _unavailable = [];
    private Goroutine? _crashing;
    private long _goroutines, _ungrouped;

    public List<string> Messages { get; } = [];
    public List<string> Details { get; } = [];
    public bool Truncated { get; set; }
    public long GoroutineCount => _goroutines;

    /// <summary>
    /// A goroutine id seen twice means a second dump has started, except for a goroutine whose stack was
    /// unavailable: when two goroutines hit a fatal error at once (both writers of a map race), the second
    /// prints its own traceback after the first's dump listed it as running on another thread.
    /// </summary>
    public bool HasSeen(long id) => _ids.Contains(id) && !_unavailable.ContainsKey(id);

    public void AddMessage(string line)
    {
        if (Messages.Count < MaxMessages) Messages.Add(line);
    }

    public void AddDetail(string line)
    {
        if (Details.Count < MaxDetails) Details.Add(line);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddGoroutine(GoroutineBuilder g)
    {
        if (_unavailable.Remove(g.Id, out var placeholder))
        {
            // The same goroutine again, now with its stack: it replaces its placeholder.
            placeholder.RemoveMember(g.Id);
            _goroutines--;
        }
        _goroutines++;
        _ids.Add(g.Id);
        bool first = _goroutines == 1 && Messages.Count > 0;
        Goroutine? built = first ? g.Build() : null;
        if (first) _crashing = built;
        else if (_otherParties.Count < MaxOtherParties && (g.State == "running" || g.State == "runnable"))
        {
            foreach (var f in g.Frames)
                if (f.IsUserCode)
                {
                    _otherParties.Add(new OtherParty(g.Id, g.State, f));
                    break;
                }
        }

        long hash = g.StackHash();
        _groupsByHash.TryGetValue(hash, out var head);
        for (var group = head; group != null; group = group.NextWithSameHash)
        {
            if (g.SameStack(group.Representative))
            {
                group.AddMember(g.Id, g.WaitMinutes);
                if (g.StackUnavailable && g.Frames.Count == 0) _unavailable[g.Id] = group;
                return;
            }
        }
        if (_groups.Count >= maxGroups)
        {
            _ungrouped++;
            return;
        }
        var created = new StackGroup(built ?? g.Build(), hash) { NextWithSameHash = head };
        _groupsByHash[hash] = created;
        _groups.Add(created);
        if (g.StackUnavailable && g.Frames.Count == 0) _unavailable[g.Id] = created;
    }

    /// <summary>
    /// The first application frame (neither runtime, the maps package nor the standard library), and the
    /// library frame just above it through which it reached the map; without an application frame, the
    /// first non-runtime frame outside the maps package, then the first non-runtime frame.
    /// </summary>
    internal static (Frame? Culprit, Frame? Library) Culprit(IReadOnlyList<Frame> frames)
    {
        for (int i = 0; i < frames.Count; i++)
        {
            if (!frames[i].IsApplicationCode) continue;
            Frame? library = i > 0 && !frames[i - 1].IsRuntime ? frames[i - 1] : null;
            return (frames[i], library);
        }
        foreach (var f in frames)
            if (f.IsUserCode) return (f, null);
        foreach (var f in frames)
            if (!f.IsRuntime) return (f, null);
        return (null, null);
    }

    /// <summary>What a maps-package helper does to the map it is given; other library calls are not named.</summary>
    internal static string? LibraryOperation(Frame call)
    {
        var f = call.Function;
        if (!f.StartsWith("maps.", StringComparison.Ordinal)) return null;
        var name = f["maps.".Length..];
        int end = name.IndexOfAny(['[', '.', '(']);
        if (end >= 0) name = name[..end];
        return name switch
        {
            "Clone" => "clone",
            "Copy" => "copy",
            "Collect" => "collect",
            "Insert" => "insert",
            "DeleteFunc" => "delete",
            "Equal" or "EqualFunc" or "Keys" or "Values" or "All" => "iterate",
            _ => null,
        };
    }

    public CrashDump Build()
    {
        string? unhashable = null;
        var kind = CrashKind.GoroutineDump;
        foreach (var message in Messages)
        {
            var k = CrashMessages.Classify(message, out var type);
            if (kind == CrashKind.GoroutineDump || (CrashMessages.IsMapCrash(k) && !CrashMessages.IsMapCrash(kind)))
            {
                kind = k;
                unhashable = type;
            }
        }
        var (culprit, library) = _crashing == null ? (null, null) : Culprit(_crashing.Frames);
        return new CrashDump
        {
            Index = index,
            FirstLine = firstLine,
            Messages = Messages,
            Details = Details,
            Kind = kind,
            UnhashableType = unhashable,
            Crashing = _crashing,
            Culprit = culprit,
            LibraryCall = library,
            Operation = library is { } call ? LibraryOperation(call) : null,
            OtherParties = CrashMessages.IsConcurrentMapCrash(kind) ? _otherParties : [],
            // Stable: equal counts keep the order the goroutines appeared in.
            Groups = [.. _groups.Where(g => g.Count > 0).OrderByDescending(g => g.Count)],
            GoroutineCount = _goroutines,
            UngroupedGoroutines = _ungrouped,
            Truncated = Truncated || (Messages.Count > 0 && _goroutines == 0),
        };
    }
}
