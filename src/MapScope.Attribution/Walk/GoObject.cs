using MapScope.Attribution.Source;
using MapScope.Attribution.Types;
using MapScope.Syntax.Ast;

namespace MapScope.Attribution.Walk;

/// <summary>What a name denotes, as go/types' object kinds.</summary>
internal enum ObjectKind
{
    PackageVar,
    Const,
    TypeName,
    Func,
    Import,
    LocalVar,
    Param,
    LocalType,
    /// <summary>Declared more than once at package level (e.g. per-OS files): never resolved.</summary>
    Ambiguous,
}

/// <summary>A declared name: where it is declared and, when syntax proves it, its type.</summary>
internal sealed class GoObject
{
    public required ObjectKind Kind { get; init; }
    public required string Name { get; init; }
    /// <summary>The identifier that declares it (null for receivers without a name).</summary>
    public Ident? Declaration { get; init; }
    public GoFile? File { get; init; }
    /// <summary>For locals and parameters: the function they belong to.</summary>
    public FunctionUnit? Owner { get; init; }
    /// <summary>For imports: the import path.</summary>
    public string? ImportPath { get; init; }
    /// <summary>For package-level types.</summary>
    public NamedType? NamedType { get; init; }
    /// <summary>For package-level functions.</summary>
    public FuncDecl? Func { get; init; }

    private GoType? _type;
    private Func<GoType?>? _lazyType;
    private bool _resolving;

    public GoObject WithType(GoType? type)
    {
        _type = type;
        return this;
    }

    /// <summary>Package-level variable types are inferred on first use (they may depend on each other).</summary>
    public GoObject WithLazyType(Func<GoType?> infer)
    {
        _lazyType = infer;
        return this;
    }

    public GoType? Type
    {
        get
        {
            if (_lazyType is null || _resolving) return _type;
            _resolving = true; // a cycle (var a = b; var b = a) stays unknown
            _type = _lazyType();
            _lazyType = null;
            _resolving = false;
            return _type;
        }
    }

    public bool IsVariable => Kind is ObjectKind.PackageVar or ObjectKind.LocalVar or ObjectKind.Param;
}
