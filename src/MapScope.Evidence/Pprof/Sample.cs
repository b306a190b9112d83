namespace MapScope.Evidence.Pprof;

/// <summary>
/// One stack with its values. <see cref="Locations"/> is leaf first; <see cref="Values"/> has one entry
/// per <see cref="Profile.SampleTypes"/>.
/// </summary>
public sealed class Sample(Location[] locations, long[] values, Label[] labels)
{
    public Location[] Locations { get; } = locations;
    public long[] Values { get; } = values;
    public Label[] Labels { get; } = labels;

    /// <summary>The first numeric label named <paramref name="key"/>, e.g. "bytes" (block size) in Go heap profiles.</summary>
    public long? NumLabel(string key)
    {
        foreach (var l in Labels)
            if (l.IsNumeric && l.Key == key) return l.Num;
        return null;
    }

    /// <summary>The first string label named <paramref name="key"/>.</summary>
    public string? StrLabel(string key)
    {
        foreach (var l in Labels)
            if (!l.IsNumeric && l.Key == key) return l.Str;
        return null;
    }
}

/// <summary>A sample label: string (<see cref="Str"/>) or numeric (<see cref="Num"/>, optional unit).</summary>
public readonly record struct Label(string Key, string? Str, long Num, string NumUnit)
{
    public bool IsNumeric => Str is null;

    public static Label String(string key, string value) => new(key, value, 0, "");
    public static Label Number(string key, long value, string unit = "") => new(key, null, value, unit);
}
