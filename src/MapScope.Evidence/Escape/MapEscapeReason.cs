namespace MapScope.Evidence.Escape;

/// <summary>Why a map made on a line lives on the heap, read from the first decisive flow step.</summary>
public enum MapEscapeReason
{
    /// <summary>Only -m (no flow) was given: the compiler said it escapes but not why.</summary>
    Unknown,
    /// <summary>Assigned to a package-level variable ("registry = make(…) (assign)" into {heap}).</summary>
    AssignedToGlobal,
    /// <summary>Stored into another map, as a value or key ("byTenant[name] = inner (assign)").</summary>
    StoredInMap,
    /// <summary>Returned from its function ("(return)").</summary>
    Returned,
    /// <summary>Used by a closure that outlives the call ("(captured by a closure)").</summary>
    CapturedByClosure,
    /// <summary>Passed to a function that lets it escape ("(call parameter)").</summary>
    PassedToCall,
    /// <summary>Converted to an interface ("(interface-converted)").</summary>
    ConvertedToInterface,
    /// <summary>A field or element of a struct, slice or array literal that itself escapes ("(struct literal element)").</summary>
    StoredInLiteral,
    /// <summary>Reaches the heap another way (a field of a heap object, a slice element, …).</summary>
    StoredInHeap,
}

/// <summary>How a key or value flows into a map and leaks to the heap with it.</summary>
public enum MapLeakKind
{
    /// <summary>"(key of map put)": m[k] = v stores k.</summary>
    KeyOfMapPut,
    /// <summary>"X[k] = v (assign)" into {heap} where X[k] is also a map put: v is stored as a map value.</summary>
    ValueOfMapPut,
    /// <summary>"X[k] = v (assign)" into {heap} with no proof X is a map (a slice element looks the same); --source decides.</summary>
    IndexedStore,
    /// <summary>"(map literal key)".</summary>
    MapLiteralKey,
    /// <summary>"(map literal value)".</summary>
    MapLiteralValue,
}
