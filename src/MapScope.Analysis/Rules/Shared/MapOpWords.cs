using MapScope.Semantics.Maps;

namespace MapScope.Analysis.Rules.Shared;

/// <summary>How messages name a map operation and the runtime crash it can meet, said one way by every rule.</summary>
internal static class MapOpWords
{
    /// <summary>"written", "deleted from", "iterated", "read", ... (m is ___).</summary>
    public static string Verb(MapOpKind k) => k switch
    {
        MapOpKind.Insert => "written",
        MapOpKind.Delete => "deleted from",
        MapOpKind.Clear => "cleared",
        MapOpKind.Copy => "written by maps.Copy",
        MapOpKind.Range => "iterated",
        MapOpKind.Clone => "cloned",
        MapOpKind.Reflect => "iterated (by an encoder or printer that walks its entries)",
        _ => "read",
    };

    /// <summary>The runtime's fatal error when this operation races with a write: "concurrent map writes", ...</summary>
    public static string Crash(MapOperation op) =>
        op.IsWrite ? "concurrent map writes"
        : op.Kind is MapOpKind.Range or MapOpKind.Clone or MapOpKind.Reflect ? "concurrent map iteration and map write"
        : "concurrent map read and map write";
}
