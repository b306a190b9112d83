namespace MapScope.Semantics.Loading;

/// <summary>
/// Packages matched by the patterns (and, when asked, their dependencies, marked DepOnly), sorted by import
/// path; problems that are not about one package (Errors); and Notes: things the user should know that did
/// not stop the load (e.g. that go list failed and the directory tree was read instead).
/// </summary>
public sealed record LoadResult(IReadOnlyList<GoPackage> Packages, IReadOnlyList<string> Errors)
{
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The go command itself failed: its whole message on one line (also in Errors, as "go list failed (exit N): ..."); null otherwise.</summary>
    public string? ToolFailure { get; init; }

    public static LoadResult Failed(string error) => new([], [error]);
}
