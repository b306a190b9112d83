namespace MapScope.Evidence.Escape;

/// <summary>A map made at <see cref="Position"/> that the compiler put on the heap, and why.</summary>
public sealed record MapEscape(
    string Package,
    SourcePosition Position,
    string Expression,
    MapEscapeReason Reason,
    FlowStep? DecidingStep,
    IReadOnlyList<FlowStep> Flow)
{
    /// <summary>
    /// Copies of this expression that the compiler inlined into callers and reported at the call sites
    /// ("inlining call to F" in -m=2 text, "inlineLoc" in -json): each with whether it escapes and why.
    /// <see cref="Position"/> is always the origin, the expression's own place in the source.
    /// </summary>
    public IReadOnlyList<InlinedCopy> Copies { get; init; } = [];
}

/// <summary>An inlined copy of a map-making expression, at the call site it was inlined into.</summary>
public sealed record InlinedCopy(SourcePosition CallSite, bool Escapes, MapEscapeReason Reason, FlowStep? DecidingStep);

/// <summary>
/// A key or value that leaks to the heap because it is stored in a map. <see cref="Position"/> is where
/// the leaking thing is (the parameter, the allocation); <see cref="At"/> is the map operation and
/// <see cref="Operation"/> its text ("cache[key]", "map[*Heavy]*Heavy{...}").
/// </summary>
public sealed record MapLeak(
    string Package,
    SourcePosition Position,
    string What,
    MapLeakKind Kind,
    SourcePosition? At,
    string Operation)
{
    /// <summary>The map expression the key or value goes into: "cache" of "cache[key]", or the literal itself.</summary>
    public string MapExpression
    {
        get
        {
            int bracket = Operation.IndexOf('[');
            return Kind is MapLeakKind.MapLiteralKey or MapLeakKind.MapLiteralValue || bracket <= 0 ? Operation : Operation[..bracket];
        }
    }
}

/// <summary>A map made at <see cref="Position"/> that stays on the stack ("does not escape").</summary>
public sealed record StackMap(string Package, SourcePosition Position, string Expression);

/// <summary>The map-related findings of an escape-analysis log and how its lines were accounted for.</summary>
public sealed record EscapeLog(
    IReadOnlyList<MapEscape> Maps,
    IReadOnlyList<MapLeak> Leaks,
    IReadOnlyList<StackMap> StackMaps,
    EscapeLineCounts Lines);

/// <summary>Lines (text) or diagnostics (JSON): total, compiler diagnostics understood, and not understood.</summary>
public sealed record EscapeLineCounts(long Total, long Diagnostics, long Unknown, long Overlong, long Files);
