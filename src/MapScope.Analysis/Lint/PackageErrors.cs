namespace MapScope.Analysis.Lint;

/// <summary>Sorts the loader's errors about a linted package into those that fail the run and those that do not.</summary>
internal static class PackageErrors
{
    // Phrases of the go command (and of the directory loader) for an import that resolves nowhere: the
    // dependency is not downloaded, not vendored or not in GOROOT. Its types are unknown, which no rule
    // reports on, so the package is still linted completely as far as mapscope can tell.
    private static readonly string[] UnresolvedImportPhrases =
    [
        "cannot find package",
        "no required module provides package",
        "is not in std",
        "cannot find module providing package",
        "missing go.sum entry",
        "module lookup disabled",
        "could not import",
        "is not in GOROOT",
        "to add:",
    ];

    public static bool IsUnresolvedImport(string error) =>
        UnresolvedImportPhrases.Any(p => error.Contains(p, StringComparison.Ordinal));
}
