namespace MapScope.Evidence.Crash;

/// <summary>What a dump is: one of the map crashes, another panic or fatal error, or a plain goroutine dump.</summary>
public enum CrashKind
{
    /// <summary>No panic or fatal error message: a goroutine dump (debug=2) or a dump whose head was cut off.</summary>
    GoroutineDump,
    /// <summary>"fatal error: concurrent map writes".</summary>
    ConcurrentMapWrites,
    /// <summary>"fatal error: concurrent map read and map write".</summary>
    ConcurrentMapReadAndWrite,
    /// <summary>"fatal error: concurrent map iteration and map write".</summary>
    ConcurrentMapIterationAndWrite,
    /// <summary>"fatal error: concurrent map clone and map write" (maps.Clone, Go 1.21+).</summary>
    ConcurrentMapCloneAndWrite,
    /// <summary>"fatal error: small map with no empty slot (concurrent map writes?)" (Swiss maps, Go 1.24+).</summary>
    SwissMapNoEmptySlot,
    /// <summary>"panic: assignment to entry in nil map".</summary>
    NilMapAssignment,
    /// <summary>"panic: runtime error: hash of unhashable type T".</summary>
    UnhashableKey,
    /// <summary>Any other panic.</summary>
    OtherPanic,
    /// <summary>Any other fatal error or signal.</summary>
    OtherFatal,
}

/// <summary>Recognizes the crash kind from a message line of a dump.</summary>
public static class CrashMessages
{
    public static bool IsMapCrash(CrashKind kind) => kind is not (CrashKind.GoroutineDump or CrashKind.OtherPanic or CrashKind.OtherFatal);

    /// <summary>True for the map crashes caused by unsynchronized access from several goroutines.</summary>
    public static bool IsConcurrentMapCrash(CrashKind kind) => kind is CrashKind.ConcurrentMapWrites or CrashKind.ConcurrentMapReadAndWrite
        or CrashKind.ConcurrentMapIterationAndWrite or CrashKind.ConcurrentMapCloneAndWrite or CrashKind.SwissMapNoEmptySlot;

    /// <summary>Classifies "fatal error: ...", "panic: ..." (optionally tab-indented, optionally "[recovered]").</summary>
    public static CrashKind Classify(string message, out string? unhashableType)
    {
        unhashableType = null;
        var m = message.TrimStart('\t');
        if (m.EndsWith(" [recovered]", StringComparison.Ordinal)) m = m[..^" [recovered]".Length];
        if (m.StartsWith("fatal error: ", StringComparison.Ordinal))
        {
            return m["fatal error: ".Length..] switch
            {
                "concurrent map writes" => CrashKind.ConcurrentMapWrites,
                "concurrent map read and map write" => CrashKind.ConcurrentMapReadAndWrite,
                "concurrent map iteration and map write" => CrashKind.ConcurrentMapIterationAndWrite,
                "concurrent map clone and map write" => CrashKind.ConcurrentMapCloneAndWrite,
                "small map with no empty slot (concurrent map writes?)" => CrashKind.SwissMapNoEmptySlot,
                _ => CrashKind.OtherFatal,
            };
        }
        if (m.StartsWith("panic: ", StringComparison.Ordinal))
        {
            var p = m["panic: ".Length..];
            if (p == "assignment to entry in nil map") return CrashKind.NilMapAssignment;
            // "runtime error: hash of unhashable type T"; recovered and logged values may lack the prefix or add a colon.
            if (p.StartsWith("runtime error: ", StringComparison.Ordinal)) p = p["runtime error: ".Length..];
            const string unhashable = "hash of unhashable type ";
            if (p.StartsWith(unhashable, StringComparison.Ordinal) || p.StartsWith("hash of unhashable type: ", StringComparison.Ordinal))
            {
                unhashableType = p[(p.IndexOf("type", StringComparison.Ordinal) + 4)..].TrimStart(':', ' ');
                return CrashKind.UnhashableKey;
            }
            return CrashKind.OtherPanic;
        }
        return CrashKind.OtherFatal;
    }
}
