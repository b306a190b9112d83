namespace MapScope.Semantics.Loading;

/// <summary>Turns go-command patterns (./..., ./pkg/..., a directory, an import path, std) into packages. Never throws on bad input.</summary>
public interface IPackageLoader
{
    LoadResult Load(IReadOnlyList<string> patterns, LoadOptions options);
}
