namespace MapScope.Evidence.Pprof;

/// <summary>
/// A program counter with its source lines. <see cref="Lines"/> lists inlined frames innermost first; the
/// last line is the function the others were inlined into.
/// </summary>
public sealed class Location(ulong id, Mapping? mapping, ulong address, Line[] lines, bool isFolded)
{
    public ulong Id { get; } = id;
    public Mapping? Mapping { get; } = mapping;
    public ulong Address { get; } = address;
    public Line[] Lines { get; } = lines;
    public bool IsFolded { get; } = isFolded;

    public override string ToString() => Lines.Length == 0 ? $"0x{Address:x}" : Lines[0].ToString();
}

/// <summary>A source line of a location: function, 1-based line, optional column (0 = unknown).</summary>
public readonly record struct Line(Function Function, long LineNumber, long Column)
{
    public override string ToString() => $"{Function.Name} {Function.Filename}:{LineNumber}";
}
