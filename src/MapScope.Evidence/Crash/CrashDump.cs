namespace MapScope.Evidence.Crash;

/// <summary>
/// One crash (or goroutine dump) found in a log: its message, kind, the goroutine that crashed, the
/// culprit frame (first non-runtime frame of that goroutine) and the goroutines grouped by stack.
/// </summary>
public sealed record CrashDump
{
    public required int Index { get; init; }
    /// <summary>The 1-based line of the log where this dump starts.</summary>
    public required long FirstLine { get; init; }
    /// <summary>"panic: …" / "fatal error: …" lines, including nested "\tpanic: …" lines, in order.</summary>
    public required IReadOnlyList<string> Messages { get; init; }
    /// <summary>Other lines before the first goroutine ("[signal SIGSEGV: …]", "runtime: …").</summary>
    public required IReadOnlyList<string> Details { get; init; }
    public required CrashKind Kind { get; init; }
    /// <summary>The T of "hash of unhashable type T".</summary>
    public string? UnhashableType { get; init; }
    /// <summary>The goroutine that panicked or threw: the first goroutine after the message. Null for goroutine dumps.</summary>
    public Goroutine? Crashing { get; init; }
    /// <summary>The first non-runtime frame of <see cref="Crashing"/>: where the user's code did it.</summary>
    public Frame? Culprit { get; init; }
    /// <summary>
    /// The library frame the culprit called into where the crash happened: "maps.Clone[...]" for a clone
    /// racing with a write (Go 1.24 reports it as an iteration), a standard-library function such as
    /// "encoding/json.Marshal" that ranged over the user's map. Null when the culprit is the first non-runtime frame.
    /// </summary>
    public Frame? LibraryCall { get; init; }
    /// <summary>The map operation the library call performs on the caller's map: "clone", "copy", "collect", "iterate"; null when unknown.</summary>
    public string? Operation { get; init; }
    /// <summary>The process whose output held this dump (docker compose service, kubectl pod/container, syslog program[pid]) when the log named one.</summary>
    public string? Source { get; init; }
    /// <summary>For concurrent-map crashes: other goroutines that were running or runnable, with their first non-runtime frame — often the other party.</summary>
    public required IReadOnlyList<OtherParty> OtherParties { get; init; }
    /// <summary>Distinct stacks, most goroutines first.</summary>
    public required IReadOnlyList<StackGroup> Groups { get; init; }
    public required long GoroutineCount { get; init; }
    /// <summary>Goroutines counted but not grouped because the dump had more distinct stacks than the reader keeps.</summary>
    public required long UngroupedGoroutines { get; init; }
    /// <summary>The dump ends in the middle of a goroutine, or has a message but no goroutine.</summary>
    public required bool Truncated { get; init; }

    public string? Message => Messages.Count > 0 ? Messages[0] : null;
}

/// <summary>A goroutine that was on a CPU when a concurrent-map crash happened, and where in user code it was.</summary>
public sealed record OtherParty(long GoroutineId, string State, Frame Frame);
