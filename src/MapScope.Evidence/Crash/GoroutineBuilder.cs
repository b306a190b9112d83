using System.Runtime.CompilerServices;
namespace MapScope.Evidence.Crash;

/// <summary>
/// The goroutine being read, kept in reusable storage so that a goroutine whose stack is already known
/// costs no allocation: it is materialized only when it starts a new <see cref="StackGroup"/>.
/// </summary>
internal sealed class GoroutineBuilder
{
    public const int MaxFrames = 256;
    public const int MaxAncestors = 8;

    public readonly List<Frame> Frames = new(32);
    public long Id;
    public string State = "";
    public int WaitMinutes;
    public bool Locked, Scanning, Elided, StackUnavailable;
    public Frame? CreatedBy;
    public long? CreatorGoroutine;
    public List<AncestorStack>? Ancestors;

    // An ancestor section being read ("[originating from goroutine N]:").
    public long AncestorId = -1;
    public readonly List<Frame> AncestorFrames = new(16);
    public bool AncestorElided;
    public Frame? AncestorCreatedBy;

    public void Reset(long id, string state, int waitMinutes, bool locked, bool scanning)
    {
        Frames.Clear();
        Id = id;
        State = state;
        WaitMinutes = waitMinutes;
        Locked = locked;
        Scanning = scanning;
        Elided = false;
        StackUnavailable = false;
        CreatedBy = null;
        CreatorGoroutine = null;
        Ancestors = null;
        AncestorId = -1;
        AncestorFrames.Clear();
        AncestorElided = false;
        AncestorCreatedBy = null;
    }

    public void AddFrame(Frame frame)
    {
        var frames = AncestorId >= 0 ? AncestorFrames : Frames;
        if (frames.Count < MaxFrames) frames.Add(frame);
        else if (AncestorId >= 0) AncestorElided = true;
        else Elided = true;
    }

    /// <summary>Replaces the last frame (its file line arrived).</summary>
    public void CompleteLastFrame(string file, int line)
    {
        var frames = AncestorId >= 0 ? AncestorFrames : Frames;
        if (frames.Count == 0) return;
        frames[^1] = frames[^1] with { File = file, Line = line };
    }

    public void StartAncestor(long id)
    {
        FinishAncestor();
        AncestorId = id;
    }

    public void FinishAncestor()
    {
        if (AncestorId < 0) return;
        Ancestors ??= [];
        if (Ancestors.Count < MaxAncestors) Ancestors.Add(new AncestorStack(AncestorId, [.. AncestorFrames], AncestorElided, AncestorCreatedBy));
        AncestorId = -1;
        AncestorFrames.Clear();
        AncestorElided = false;
        AncestorCreatedBy = null;
    }

    /// <summary>A hash of what makes two goroutines "the same stack": state, frames, creator, elision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long StackHash()
    {
        var h = new HashCode();
        h.Add(State);
        h.Add(Elided);
        foreach (var f in Frames)
        {
            h.Add(f.Function);
            h.Add(f.File);
            h.Add(f.Line);
        }
        if (CreatedBy is { } c)
        {
            h.Add(c.Function);
            h.Add(c.Line);
        }
        return h.ToHashCode();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool SameStack(Goroutine g)
    {
        if (!ReferenceEquals(g.State, State) && g.State != State) return false;
        if (g.FramesElided != Elided || g.Frames.Count != Frames.Count || !Nullable.Equals(g.CreatedBy, CreatedBy)) return false;
        for (int i = 0; i < Frames.Count; i++)
            if (g.Frames[i] != Frames[i]) return false;
        return true;
    }

    public Goroutine Build()
    {
        FinishAncestor();
        return new Goroutine
        {
            Id = Id,
            State = State,
            WaitMinutes = WaitMinutes,
            LockedToThread = Locked,
            Scanning = Scanning,
            Frames = [.. Frames],
            FramesElided = Elided,
            StackUnavailable = StackUnavailable,
            CreatedBy = CreatedBy,
            CreatorGoroutine = CreatorGoroutine,
            Ancestors = Ancestors ?? [],
        };
    }
}
