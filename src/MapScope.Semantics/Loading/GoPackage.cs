namespace MapScope.Semantics.Loading;

/// <summary>One package as the go command sees it for the current GOOS/GOARCH/tags (the fields of <c>go list -json</c> we need).</summary>
public sealed record GoPackage
{
    public required string ImportPath { get; init; }

    /// <summary>The package name from the package clauses, or "" when there are no files to read it from.</summary>
    public string Name { get; init; } = "";

    public required string Dir { get; init; }

    /// <summary>File names (relative to <see cref="Dir"/>) compiled into the package: plain Go files and cgo files, sorted.</summary>
    public IReadOnlyList<string> GoFiles { get; init; } = [];

    /// <summary>The subset of <see cref="GoFiles"/> that import "C".</summary>
    public IReadOnlyList<string> CgoFiles { get; init; } = [];

    /// <summary>_test.go files of the package itself (package x), sorted; compiled with <see cref="GoFiles"/> for tests.</summary>
    public IReadOnlyList<string> TestGoFiles { get; init; } = [];

    /// <summary>_test.go files of the external test package (package x_test), sorted.</summary>
    public IReadOnlyList<string> XTestGoFiles { get; init; } = [];

    /// <summary>Resolved import paths of <see cref="TestGoFiles"/> and of <see cref="XTestGoFiles"/>, sorted.</summary>
    public IReadOnlyList<string> TestImports { get; init; } = [];
    public IReadOnlyList<string> XTestImports { get; init; } = [];

    /// <summary>Listed only as a dependency of the matched packages (go list -deps), not matched by a pattern.</summary>
    public bool DepOnly { get; init; }

    /// <summary>
    /// The Go language version the package is compiled with ("1.22"): its module's go line, the toolchain's
    /// release for std; null when unknown (a dependency that is not downloaded, GOPATH mode). From Go 1.22
    /// each loop iteration has its own loop variables, which changes what a goroutine's closure captures.
    /// </summary>
    public string? GoVersion { get; init; }

    /// <summary>Resolved import paths of <see cref="GoFiles"/>, sorted, "C" included when cgo is used.</summary>
    public IReadOnlyList<string> Imports { get; init; } = [];

    /// <summary>Import path as written → resolved import path, only where they differ (vendoring).</summary>
    public IReadOnlyDictionary<string, string> ImportMap { get; init; } = new Dictionary<string, string>();

    /// <summary>Imports (of the package and its tests) that could not be found: not downloaded, not in vendor/, GOPATH or GOROOT.</summary>
    public IReadOnlyList<string> UnresolvedImports { get; init; } = [];

    public ModuleInfo? Module { get; init; }

    /// <summary>Part of the standard library (GOROOT/src).</summary>
    public bool Standard { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Full paths of <see cref="GoFiles"/>.</summary>
    public IEnumerable<string> GoFilePaths => GoFiles.Select(f => Path.Combine(Dir, f));

    /// <summary>The <see cref="GoVersion"/> as a minor release (1.22 → 22), or null.</summary>
    public int? GoMinor => GoVersions.Minor(GoVersion);

    /// <summary>The resolved import path for an import as written in one of the package's files.</summary>
    public string ResolveImport(string written) => ImportMap.TryGetValue(written, out var r) ? r : written;
}
