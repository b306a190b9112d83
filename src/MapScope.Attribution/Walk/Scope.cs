namespace MapScope.Attribution.Walk;

/// <summary>A block of declarations; lookups walk outward to the parent, as Go's scoping does.</summary>
internal sealed class Scope(Scope? parent)
{
    private Dictionary<string, GoObject>? _names;

    public Scope? Parent { get; } = parent;

    public GoObject? LookupLocal(string name) => _names != null && _names.TryGetValue(name, out var o) ? o : null;

    public GoObject? Lookup(string name)
    {
        for (var s = this; s != null; s = s.Parent)
            if (s.LookupLocal(name) is { } o) return o;
        return null;
    }

    public void Declare(GoObject o)
    {
        if (o.Name == "_") return;
        (_names ??= new Dictionary<string, GoObject>(StringComparer.Ordinal))[o.Name] = o;
    }
}
