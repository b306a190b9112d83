namespace MapScope.Semantics.Loading;

/// <summary>Packages matched by the patterns, sorted by import path, and problems that are not about one package.</summary>
public sealed record LoadResult(IReadOnlyList<GoPackage> Packages, IReadOnlyList<string> Errors)
{
    public static LoadResult Failed(string error) => new([], [error]);
}
