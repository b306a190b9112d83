namespace MapScope.Semantics.Types;

/// <summary>A lexical scope: names declared in a block, file, package or the universe.</summary>
public sealed class Scope(Scope? parent)
{
    private Dictionary<string, Object>? _names;

    public Scope? Parent { get; } = parent;

    public Object? LookupLocal(string name) => _names != null && _names.TryGetValue(name, out var o) ? o : null;

    /// <summary>Looks the name up here and in enclosing scopes.</summary>
    public Object? Lookup(string name)
    {
        for (var s = this; s != null; s = s.Parent)
            if (s.LookupLocal(name) is { } o) return o;
        return null;
    }

    /// <summary>Declares name; the blank identifier is never declared.</summary>
    public void Insert(Object obj)
    {
        if (obj.Name == "_") return;
        (_names ??= new Dictionary<string, Object>(StringComparer.Ordinal))[obj.Name] = obj;
    }

    public IEnumerable<Object> Objects => _names?.Values ?? Enumerable.Empty<Object>();
}

/// <summary>A Go package: its path, name and package scope.</summary>
public sealed class Package(string path, string name)
{
    public string Path { get; } = path;
    public string Name { get; set; } = name;
    public Scope Scope { get; } = new(Universe.Scope);
    public override string ToString() => Path;
}
