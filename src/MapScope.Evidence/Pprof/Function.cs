namespace MapScope.Evidence.Pprof;

/// <summary>A function as the profile names it; <see cref="Filename"/> is the path the binary recorded.</summary>
public sealed class Function(ulong id, string name, string systemName, string filename, long startLine)
{
    public ulong Id { get; } = id;
    public string Name { get; } = name;
    public string SystemName { get; } = systemName;
    public string Filename { get; } = filename;
    public long StartLine { get; } = startLine;

    public override string ToString() => Name;
}
