using MapScope.Syntax.Ast;

namespace MapScope.Attribution.Types;

// A syntactic approximation of Go types: only what declarations in the same package prove. A null
// GoType everywhere in this layer means "unknown", and unknown is never treated as a map.

/// <summary>A type known from syntax alone.</summary>
internal abstract class GoType
{
    public abstract override string ToString();
}

/// <summary>A type declared at package level: <c>type Name ...</c>.</summary>
internal sealed class NamedType(string name, TypeSpec spec) : GoType
{
    public string Name { get; } = name;
    public TypeSpec Spec { get; } = spec;
    public override string ToString() => Name;
}

internal sealed class PointerType(GoType? elem) : GoType
{
    public GoType? Elem { get; } = elem;
    public override string ToString() => "*" + (Elem?.ToString() ?? "?");
}

internal sealed class MapGoType(GoType? key, GoType? value, MapType? syntax) : GoType
{
    public GoType? Key { get; } = key;
    public GoType? Value { get; } = value;
    public MapType? Syntax { get; } = syntax;
    public override string ToString() => $"map[{Key?.ToString() ?? "?"}]{Value?.ToString() ?? "?"}";
}

/// <summary>A slice, or an array when <see cref="IsArray"/>.</summary>
internal sealed class SliceGoType(GoType? elem, bool isArray) : GoType
{
    public GoType? Elem { get; } = elem;
    public bool IsArray { get; } = isArray;
    public override string ToString() => (IsArray ? "[N]" : "[]") + (Elem?.ToString() ?? "?");
}

internal sealed class StructGoType(StructType syntax) : GoType
{
    public StructType Syntax { get; } = syntax;
    public override string ToString() => "struct{...}";
}

internal sealed class FuncGoType(FuncType syntax) : GoType
{
    public FuncType Syntax { get; } = syntax;
    public override string ToString() => "func(...)";
}

/// <summary>A predeclared type (int, string, bool, error, any, ...).</summary>
internal sealed class BasicType(string name) : GoType
{
    public string Name { get; } = name;
    public override string ToString() => Name;

    public static readonly BasicType Int = new("int");
    public static readonly BasicType Bool = new("bool");
    public static readonly BasicType String = new("string");
    public static readonly BasicType Rune = new("rune");
    public static readonly BasicType Byte = new("byte");
    public static readonly BasicType Float = new("float64");

    private static readonly HashSet<string> Names =
    [
        "bool", "byte", "complex64", "complex128", "error", "float32", "float64", "int", "int8", "int16",
        "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "any", "comparable",
    ];

    public static bool IsPredeclared(string name) => Names.Contains(name);
}

/// <summary>Known not to be a map but otherwise opaque: interfaces, channels, local or type-parameter names.</summary>
internal sealed class OpaqueType(string description) : GoType
{
    public string Description { get; } = description;
    public override string ToString() => Description;
}
