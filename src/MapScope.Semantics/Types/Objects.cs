namespace MapScope.Semantics.Types;

// What a name denotes, shaped like go/types' objects.

public abstract class Object(string name, Package? pkg, int pos)
{
    public string Name { get; } = name;
    /// <summary>The declaring package; null for predeclared objects.</summary>
    public Package? Pkg { get; } = pkg;
    /// <summary>Byte offset of the declaring identifier in its file, or -1.</summary>
    public int Pos { get; } = pos;
    /// <summary>The declaring file's path, when known.</summary>
    public string? File { get; init; }

    /// <summary>The object's type; declarations are resolved lazily by the checker.</summary>
    public abstract Type Type { get; }
}

/// <summary>A variable, parameter, result or struct field.</summary>
public sealed class Var(string name, Package? pkg, int pos, Type? type = null) : Object(name, pkg, pos)
{
    private Type? _type = type;
    public Func<Type>? Resolve { get; set; }
    public bool IsField { get; init; }
    public bool Embedded { get; init; }
    /// <summary>Declared at package level.</summary>
    public bool IsPackageLevel { get; init; }

    public override Type Type
    {
        get
        {
            if (_type != null) return _type;
            if (Resolve is { } r)
            {
                Resolve = null;
                _type = UnknownType.Instance; // cycles see unknown
                _type = r();
            }
            return _type ?? UnknownType.Instance;
        }
    }

    public void SetType(Type t) => _type = t;
}

/// <summary>A constant; only its type is tracked (and integer values, for array lengths).</summary>
public sealed class Const(string name, Package? pkg, int pos) : Object(name, pkg, pos)
{
    private Type? _type;
    public Func<(Type, long?)>? Resolve { get; set; }
    private long? _value;

    public override Type Type
    {
        get
        {
            Force();
            return _type ?? UnknownType.Instance;
        }
    }

    /// <summary>The value, when it is an integer that could be evaluated.</summary>
    public long? IntValue
    {
        get
        {
            Force();
            return _value;
        }
    }

    private void Force()
    {
        if (Resolve is not { } r) return;
        Resolve = null;
        _type = UnknownType.Instance;
        (_type, _value) = r();
    }

    public void Set(Type t, long? value)
    {
        _type = t;
        _value = value;
        Resolve = null;
    }
}

/// <summary>A declared type name (defined type, alias, or type parameter).</summary>
public sealed class TypeName(string name, Package? pkg, int pos) : Object(name, pkg, pos)
{
    private Type? _type;
    public Func<Type>? Resolve { get; set; }

    public override Type Type
    {
        get
        {
            if (_type != null) return _type;
            if (Resolve is { } r)
            {
                Resolve = null;
                _type = UnknownType.Instance;
                _type = r();
            }
            return _type ?? UnknownType.Instance;
        }
    }

    public void SetType(Type t) => _type = t;
}

/// <summary>A function or method.</summary>
public sealed class Func(string name, Package? pkg, int pos) : Object(name, pkg, pos)
{
    private Signature? _sig;
    public Func<Signature>? Resolve { get; set; }

    public Signature Signature
    {
        get
        {
            if (_sig != null) return _sig;
            if (Resolve is { } r)
            {
                Resolve = null;
                _sig = Empty;
                _sig = r();
            }
            return _sig ?? Empty;
        }
    }

    public override Type Type => Signature;

    public void SetSignature(Signature s) => _sig = s;

    private static readonly Signature Empty = new(null, [], Tuple.Empty, Tuple.Empty, false);
}

/// <summary>An imported package's name in a file; the package is loaded on first use.</summary>
public sealed class PkgName(string name, Lazy<Package?> imported, int pos, string importPath = "") : Object(name, null, pos)
{
    /// <summary>The import path as written.</summary>
    public string ImportPath { get; } = importPath;

    /// <summary>The imported package, or null when the import could not be resolved.</summary>
    public Package? Imported => imported.Value;
    public override Type Type => UnknownType.Instance;
}

/// <summary>A predeclared function: len, make, append, ...</summary>
public sealed class Builtin(string name) : Object(name, null, -1)
{
    public override Type Type => UnknownType.Instance;
}

/// <summary>The predeclared nil.</summary>
public sealed class Nil() : Object("nil", null, -1)
{
    public override Type Type => Universe.UntypedNil;
}
