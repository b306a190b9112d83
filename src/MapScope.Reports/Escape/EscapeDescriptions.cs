using MapScope.Evidence.Escape;

namespace MapScope.Reports.Escape;

/// <summary>Stable ids and plain explanations of escape reasons, shared by the reports.</summary>
public static class EscapeDescriptions
{
    public static string Id(MapEscapeReason r) => r switch
    {
        MapEscapeReason.AssignedToGlobal => "assigned-to-global",
        MapEscapeReason.StoredInMap => "stored-in-map",
        MapEscapeReason.Returned => "returned",
        MapEscapeReason.CapturedByClosure => "captured-by-closure",
        MapEscapeReason.PassedToCall => "passed-to-call",
        MapEscapeReason.ConvertedToInterface => "converted-to-interface",
        MapEscapeReason.StoredInHeap => "stored-in-heap",
        MapEscapeReason.StoredInLiteral => "stored-in-literal",
        _ => "unknown",
    };

    public static string Explain(MapEscapeReason r) => r switch
    {
        MapEscapeReason.AssignedToGlobal => "assigned to a package-level variable",
        MapEscapeReason.StoredInMap => "stored into another map",
        MapEscapeReason.Returned => "returned to the caller",
        MapEscapeReason.CapturedByClosure => "captured by a closure that outlives the call",
        MapEscapeReason.PassedToCall => "passed to a function that keeps it",
        MapEscapeReason.ConvertedToInterface => "converted to an interface",
        MapEscapeReason.StoredInHeap => "stored in a heap object",
        MapEscapeReason.StoredInLiteral => "stored in a field or element of a struct, slice or array literal that escapes",
        _ => "escapes (reason not in the log: build with -gcflags=-m=2)",
    };

    public static string Id(MapLeakKind k) => k switch
    {
        MapLeakKind.KeyOfMapPut => "key-of-map-put",
        MapLeakKind.ValueOfMapPut => "value-of-map-put",
        MapLeakKind.IndexedStore => "indexed-store",
        MapLeakKind.MapLiteralKey => "map-literal-key",
        _ => "map-literal-value",
    };
}
