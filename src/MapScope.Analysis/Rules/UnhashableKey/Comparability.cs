using MapScope.Semantics.Types;
using Type = MapScope.Semantics.Types.Type;

namespace MapScope.Analysis.Rules.UnhashableKey;

/// <summary>Which types certainly cannot be hashed: slices, maps, funcs, and structs or arrays containing one.</summary>
internal static class Comparability
{
    /// <summary>True only when t is known and not comparable; unknown types, interfaces and type parameters are never reported.</summary>
    public static bool CertainlyNotComparable(Type t, int depth = 0)
    {
        if (depth > 16 || t is UnknownType or TypeParam or Semantics.Types.Tuple) return false;
        return t.Underlying switch
        {
            Slice or Map or Signature => true,
            Struct st => st.Fields.Any(f => CertainlyNotComparable(f.Type, depth + 1)),
            Semantics.Types.Array a => CertainlyNotComparable(a.Elem, depth + 1),
            _ => false,
        };
    }

    /// <summary>A key type whose values are hashed by their dynamic type: an interface, or a struct/array containing one.</summary>
    public static bool HashesDynamically(Type key, int depth = 0)
    {
        if (depth > 16 || key is UnknownType or TypeParam) return false;
        return key.Underlying switch
        {
            Interface => true,
            Struct st => st.Fields.Any(f => HashesDynamically(f.Type, depth + 1)),
            Semantics.Types.Array a => HashesDynamically(a.Elem, depth + 1),
            _ => false,
        };
    }
}
