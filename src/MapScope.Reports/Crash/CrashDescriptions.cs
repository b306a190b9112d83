using MapScope.Evidence.Crash;

namespace MapScope.Reports.Crash;

/// <summary>Stable names and one-line explanations of crash kinds, shared by the text, JSON and HTML reports.</summary>
public static class CrashDescriptions
{
    public static string Id(CrashKind kind) => kind switch
    {
        CrashKind.ConcurrentMapWrites => "concurrent-map-writes",
        CrashKind.ConcurrentMapReadAndWrite => "concurrent-map-read-and-write",
        CrashKind.ConcurrentMapIterationAndWrite => "concurrent-map-iteration-and-write",
        CrashKind.ConcurrentMapCloneAndWrite => "concurrent-map-clone-and-write",
        CrashKind.SwissMapNoEmptySlot => "swiss-map-no-empty-slot",
        CrashKind.NilMapAssignment => "nil-map-assignment",
        CrashKind.UnhashableKey => "unhashable-key",
        CrashKind.OtherPanic => "other-panic",
        CrashKind.OtherFatal => "other-fatal",
        _ => "goroutine-dump",
    };

    public static string Explain(CrashDump d) => d.Kind switch
    {
        CrashKind.ConcurrentMapWrites or CrashKind.SwissMapNoEmptySlot =>
            "two goroutines wrote the same map without synchronization; the culprit is one writer, the other is another write to the same map",
        CrashKind.ConcurrentMapReadAndWrite => "a goroutine read a map while another wrote it; the culprit is the reader",
        CrashKind.ConcurrentMapIterationAndWrite when d.Operation is "clone" =>
            $"{d.LibraryCall?.Function ?? "maps.Clone"} copied a map while another goroutine wrote it (Go 1.24+ reports a clone as an iteration); the culprit is the maps.Clone call",
        CrashKind.ConcurrentMapIterationAndWrite when d.LibraryCall is { } lib =>
            $"{lib.Function} ranged over a map that the culprit passed to it while another goroutine wrote the map; the culprit is that call",
        CrashKind.ConcurrentMapIterationAndWrite => "a goroutine ranged over a map while another wrote it; the culprit is the range loop",
        CrashKind.ConcurrentMapCloneAndWrite => "maps.Clone ran while another goroutine wrote the map",
        CrashKind.NilMapAssignment => "a write to a map that was never made (nil map); make it before the first write",
        CrashKind.UnhashableKey => $"a map key held a value of type {d.UnhashableType}, which cannot be hashed (slice, map or func inside an interface)",
        CrashKind.OtherPanic => "a panic not about maps",
        CrashKind.OtherFatal => "a fatal error not about maps",
        _ => "a goroutine dump (no panic or fatal error)",
    };
}
