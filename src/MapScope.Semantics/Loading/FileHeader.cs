namespace MapScope.Semantics.Loading;

/// <summary>
/// What the go command reads from a Go file before deciding about it: the build constraints in the leading
/// comments, the package clause (with an optional <c>// import "path"</c> comment) and the import declarations.
/// </summary>
public sealed record FileHeader
{
    /// <summary>The package name, or "" when the file has no readable package clause.</summary>
    public string PackageName { get; init; } = "";

    /// <summary>The expression text of the //go:build line, or null when there is none.</summary>
    public string? GoBuild { get; init; }

    /// <summary>The expression texts of the // +build lines that count (leading comment block, before a blank line).</summary>
    public IReadOnlyList<string> PlusBuild { get; init; } = [];

    /// <summary>Import paths in source order, duplicates kept.</summary>
    public IReadOnlyList<string> Imports { get; init; } = [];

    /// <summary>The path in <c>package x // import "path"</c>, or null.</summary>
    public string? ImportComment { get; init; }

    /// <summary>A syntax error in the package clause or imports (the go command still lists the file).</summary>
    public string? Error { get; init; }

    /// <summary>A problem with the constraints themselves (two //go:build lines): the file is rejected.</summary>
    public string? ConstraintError { get; init; }

    public bool ImportsC => Imports.Contains("C");
}
