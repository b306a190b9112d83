using MapScope.Attribution.Source;

namespace MapScope.Attribution.Walk;

/// <summary>An X[k] = v whose X is not provably a map; <see cref="ProvenNotMap"/> when X is provably a slice, array or string.</summary>
internal sealed record IndexStore(GoFile File, int[] Anchors, bool ProvenNotMap)
{
    public bool OnLine(int line) => Anchors.Any(a => a >= 0 && File.LineOf(a) == line);
    public bool At(int line, int column) => Anchors.Any(a => a >= 0 && File.PositionOf(a) == (line, column));
}
