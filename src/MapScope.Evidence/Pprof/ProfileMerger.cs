namespace MapScope.Evidence.Pprof;

/// <summary>
/// Interns functions, mappings and locations of several profiles into one numbering, as pprof's merge
/// does: a function is its (name, system name, file, start line); a location is its address, mapping and
/// lines. The results keep ids unique so the merged profile is valid.
/// </summary>
internal sealed class ProfileMerger
{
    public List<Function> Functions { get; } = [];
    public List<Location> Locations { get; } = [];
    public List<Mapping> Mappings { get; } = [];

    private readonly Dictionary<(string, string, string, long), Function> _functions = [];
    private readonly Dictionary<Mapping, Mapping> _mappings = [];
    private readonly Dictionary<Location, Location> _locations = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Location> _locationKeys = [];

    public Location[] Stack(Location[] stack)
    {
        var result = new Location[stack.Length];
        for (int i = 0; i < stack.Length; i++) result[i] = Intern(stack[i]);
        return result;
    }

    private Location Intern(Location loc)
    {
        if (_locations.TryGetValue(loc, out var seen)) return seen;
        var mapping = loc.Mapping is null ? null : InternMapping(loc.Mapping);
        var lines = new Line[loc.Lines.Length];
        var key = new System.Text.StringBuilder();
        key.Append(loc.Address).Append('|').Append(mapping?.Id ?? 0);
        for (int i = 0; i < lines.Length; i++)
        {
            var f = InternFunction(loc.Lines[i].Function);
            lines[i] = loc.Lines[i] with { Function = f };
            key.Append('|').Append(f.Id).Append(':').Append(lines[i].LineNumber).Append(':').Append(lines[i].Column);
        }
        var k = key.ToString();
        if (!_locationKeys.TryGetValue(k, out var merged))
        {
            merged = new Location((ulong)Locations.Count + 1, mapping, loc.Address, lines, loc.IsFolded);
            _locationKeys[k] = merged;
            Locations.Add(merged);
        }
        _locations[loc] = merged;
        return merged;
    }

    private Function InternFunction(Function f)
    {
        var key = (f.Name, f.SystemName, f.Filename, f.StartLine);
        if (!_functions.TryGetValue(key, out var merged))
        {
            merged = new Function((ulong)Functions.Count + 1, f.Name, f.SystemName, f.Filename, f.StartLine);
            _functions[key] = merged;
            Functions.Add(merged);
        }
        return merged;
    }

    private Mapping InternMapping(Mapping m)
    {
        var key = m with { Id = 0 };
        if (!_mappings.TryGetValue(key, out var merged))
        {
            merged = m with { Id = (ulong)Mappings.Count + 1 };
            _mappings[key] = merged;
            Mappings.Add(merged);
        }
        return merged;
    }
}
