namespace MapScope.Attribution.Joins;

/// <summary>What an expression or statement does to a map.</summary>
public enum MapOpKind
{
    /// <summary>m[k] = v, m[k] op= v, m[k]++.</summary>
    Insert,
    /// <summary>m[k], v, ok := m[k].</summary>
    Read,
    /// <summary>delete(m, k).</summary>
    Delete,
    /// <summary>clear(m).</summary>
    Clear,
    /// <summary>for ... range m.</summary>
    Range,
    /// <summary>maps.Clone(m): reads m, makes a new map.</summary>
    Clone,
    /// <summary>make(map[K]V[, n]).</summary>
    MakeMap,
    /// <summary>map[K]V{...}.</summary>
    MapLiteral,
}
