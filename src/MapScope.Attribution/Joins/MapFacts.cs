using MapScope.Attribution.Walk;
using MapScope.Evidence.Pprof;

namespace MapScope.Attribution.Joins;

/// <summary>A named map and where it is declared (file relative to --source, 1-based line and column).</summary>
public sealed record MapDeclaration(string Name, MapOwnerKind Kind, string Identifier, string Type, string? File, int Line, int Column)
{
    public string KindId => Kind switch
    {
        MapOwnerKind.PackageVariable => "package-variable",
        MapOwnerKind.Field => "field",
        MapOwnerKind.Local => "local",
        _ => "unknown",
    };

    public string Position => File is null ? "?" : $"{File}:{Line}:{Column}";
}

/// <summary>
/// One read or write of a map in the source: the operation, where, the enclosing function, and the
/// goroutine entry points that reach that function through same-package calls.
/// </summary>
public sealed record MapAccess(MapOpKind Operation, string File, int Line, int Column, string Function, string? Snippet, IReadOnlyList<MapEntryPoint> EntryPoints)
{
    public bool IsWrite => Operation is MapOpKind.Insert or MapOpKind.Delete or MapOpKind.Clear;

    public string OperationId => Operation switch
    {
        MapOpKind.Insert => "insert",
        MapOpKind.Read => "read",
        MapOpKind.Delete => "delete",
        MapOpKind.Clear => "clear",
        MapOpKind.Range => "range",
        MapOpKind.Clone => "clone",
        MapOpKind.MakeMap => "make",
        _ => "literal",
    };
}

/// <summary>
/// What the source says about the map at a piece of evidence. <see cref="Map"/> is null when the operation
/// is proven to be on a map that has no name of its own (an element of another map, a returned map);
/// <see cref="StoredAs"/> then describes it. <see cref="OtherAccesses"/> lists every other read and write of
/// the same map in its package (only for a named map).
/// </summary>
public sealed record MapFacts(MapDeclaration? Map, MapAccess Operation, string? StoredAs, IReadOnlyList<MapAccess> OtherAccesses);

/// <summary>
/// A goroutine entry point that reaches an access: <see cref="Kind"/> "main", "init", "go" or "http";
/// the function it runs; where it is started or registered (file relative to --source, null for main/init).
/// </summary>
public sealed record MapEntryPoint(string Kind, string Function, string? File, int Line)
{
    public string Describe(Func<string, string> path)
    {
        var at = File is null ? "" : $" at {path(File)}:{Line}";
        return Kind switch
        {
            "main" => $"main goroutine ({Function})",
            "init" => $"package initialization ({Function})",
            "go" => $"go {Function}{at}",
            _ => $"HTTP handler {Function}{at}",
        };
    }

    public override string ToString() => Describe(p => p);
}
