using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Syntax.Ast;

namespace MapScope.Attribution.Walk;

/// <summary>
/// One map operation found in the source, proven by syntax: the map operand's type is a map type by
/// declarations in the same package. <see cref="Map"/> names the map when it is a variable or field
/// (null for, e.g., an element of another map); <see cref="Target"/> is where a new map (make, literal,
/// clone) is stored.
/// </summary>
internal sealed class MapOp
{
    public required MapOpKind Kind { get; init; }
    public required GoFile File { get; init; }
    public required Node Node { get; init; }
    /// <summary>Offsets whose lines count as "this line" (the compiler and runtime report different tokens of one operation).</summary>
    public required int[] Anchors { get; init; }
    public required FunctionUnit Unit { get; init; }
    public MapRef? Map { get; init; }
    public MapRef? Target { get; init; }
    /// <summary>For a new map not stored in a named map: "returned from main.newIndex", "element of main.byTenant", ...</summary>
    public string? TargetNote { get; init; }
    /// <summary>For an insert: the stored value is allocated on this line (&amp;T{}, append, make, string concatenation).</summary>
    public bool ValueAllocates { get; init; }
    /// <summary>For an insert of &amp;T{...} or new(T): the allocator's block size for T, when T's size is known.</summary>
    public long? ValueBlockSize { get; init; }

    public bool IsWrite => Kind is MapOpKind.Insert or MapOpKind.Delete or MapOpKind.Clear;
    public bool IsAccess => Kind is not (MapOpKind.MakeMap or MapOpKind.MapLiteral);

    public bool OnLine(int line)
    {
        foreach (var a in Anchors) if (a >= 0 && File.LineOf(a) == line) return true;
        return false;
    }

    public bool At(int line, int column)
    {
        foreach (var a in Anchors) if (a >= 0 && File.PositionOf(a) == (line, column)) return true;
        return false;
    }

    public (int Line, int Column) Position => File.PositionOf(Node.Pos);
}
