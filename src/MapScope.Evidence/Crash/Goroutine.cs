namespace MapScope.Evidence.Crash;

/// <summary>
/// One goroutine of a dump: its header ("goroutine 6 [chan receive, 5 minutes, locked to thread]:"),
/// its frames innermost first, who created it, and any "[originating from goroutine N]" ancestor stacks
/// (GODEBUG=tracebackancestors=N).
/// </summary>
public sealed class Goroutine
{
    public required long Id { get; init; }
    /// <summary>The wait reason or status ("running", "chan receive", "semacquire"), without the extras.</summary>
    public required string State { get; init; }
    public int WaitMinutes { get; init; }
    public bool LockedToThread { get; init; }
    /// <summary>The "(scan)" marker: the GC was scanning this goroutine's stack.</summary>
    public bool Scanning { get; init; }
    public required IReadOnlyList<Frame> Frames { get; init; }
    /// <summary>"...additional frames elided..." followed the frames (more than 100 frames deep).</summary>
    public bool FramesElided { get; init; }
    /// <summary>"goroutine running on other thread; stack unavailable": the runtime could not print its frames.</summary>
    public bool StackUnavailable { get; init; }
    /// <summary>The "created by F" frame; null for goroutine 1 and system goroutines.</summary>
    public Frame? CreatedBy { get; init; }
    /// <summary>Go 1.21+: "created by F in goroutine N".</summary>
    public long? CreatorGoroutine { get; init; }
    public IReadOnlyList<AncestorStack> Ancestors { get; init; } = [];
}

/// <summary>A "[originating from goroutine N]:" stack: where an ancestor goroutine was when it created this one.</summary>
public sealed record AncestorStack(long GoroutineId, IReadOnlyList<Frame> Frames, bool FramesElided, Frame? CreatedBy);
