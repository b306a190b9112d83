namespace MapScope.Semantics.Loading;

/// <summary>
/// The Go files of one directory sorted into roles for a build context — the part of go/build's Import that
/// does not need to know the import path: package name, compiled files, written imports, import comment.
/// </summary>
public sealed record DirectoryScan
{
    public required string Dir { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<string> GoFiles { get; init; } = [];
    public IReadOnlyList<string> CgoFiles { get; init; } = [];
    /// <summary>_test.go files of the package itself, sorted.</summary>
    public IReadOnlyList<string> TestGoFiles { get; init; } = [];
    /// <summary>_test.go files of the external test package (package x_test), sorted.</summary>
    public IReadOnlyList<string> XTestGoFiles { get; init; } = [];
    public int TestFileCount => TestGoFiles.Count + XTestGoFiles.Count;
    /// <summary>Files that survive the name and constraint checks but are not compiled ("package documentation").</summary>
    public int DocumentationFileCount { get; init; }
    /// <summary>Imports of the compiled files as written, sorted, duplicates removed.</summary>
    public IReadOnlyList<string> Imports { get; init; } = [];
    /// <summary>Imports of <see cref="TestGoFiles"/> and of <see cref="XTestGoFiles"/> as written, sorted.</summary>
    public IReadOnlyList<string> TestImports { get; init; } = [];
    public IReadOnlyList<string> XTestImports { get; init; } = [];
    public string? ImportComment { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The go command treats a directory as a package when some file (tests included) survives the constraints.</summary>
    public bool HasPackage => GoFiles.Count + TestFileCount + DocumentationFileCount > 0;

    /// <summary>
    /// Reads the directory; with <paramref name="only"/>, just those files, as the go command builds the
    /// package "command-line-arguments" from files named on its command line (constraints still apply).
    /// </summary>
    public static DirectoryScan Read(string dir, BuildContext ctx, IReadOnlyCollection<string>? only = null)
    {
        string[] names;
        try
        {
            names = only?.ToArray() ?? Directory.GetFiles(dir).Select(Path.GetFileName).OfType<string>().ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DirectoryScan { Dir = dir, Errors = [e.Message] };
        }
        Array.Sort(names, StringComparer.Ordinal);

        string name = "", firstFile = "";
        string? importComment = null;
        var goFiles = new List<string>();
        var cgoFiles = new List<string>();
        var imports = new SortedSet<string>(StringComparer.Ordinal);
        var testImports = new SortedSet<string>(StringComparer.Ordinal);
        var xtestImports = new SortedSet<string>(StringComparer.Ordinal);
        var testFiles = new List<string>();
        var xtestFiles = new List<string>();
        var errors = new List<string>();
        int documentation = 0;
        foreach (var file in names)
        {
            var (role, header) = FileMatcher.Match(dir, file, ctx);
            if (role == FileRole.Documentation) documentation++;
            if (role is FileRole.NotSource or FileRole.Ignored or FileRole.Documentation) continue;
            if (role == FileRole.Invalid)
            {
                errors.Add($"{file}: {header?.ConstraintError ?? header?.Error}");
                continue;
            }
            var pkg = header!.PackageName;
            bool isTest = role == FileRole.Test;
            // An external test package (x_test) sits beside x and does not name the directory's package.
            bool isXTest = isTest && pkg.EndsWith("_test", StringComparison.Ordinal) && pkg != name;
            if (isXTest) pkg = pkg[..^5];
            if (name.Length == 0) (name, firstFile) = (pkg, file);
            else if (pkg != name) errors.Add($"found packages {name} ({firstFile}) and {pkg} ({file}) in {dir}");
            if (header.Error != null) errors.Add($"{file}: {header.Error}");
            if (isTest)
            {
                (isXTest ? xtestFiles : testFiles).Add(file);
                foreach (var imp in header.Imports) (isXTest ? xtestImports : testImports).Add(imp);
                continue;
            }
            (role == FileRole.Cgo ? cgoFiles : goFiles).Add(file);
            foreach (var imp in header.Imports) imports.Add(imp);
            importComment ??= header.ImportComment;
        }
        return new DirectoryScan
        {
            Dir = dir,
            Name = name,
            GoFiles = goFiles.Concat(cgoFiles).Order(StringComparer.Ordinal).ToArray(),
            CgoFiles = cgoFiles,
            TestGoFiles = testFiles,
            XTestGoFiles = xtestFiles,
            TestImports = testImports.ToArray(),
            XTestImports = xtestImports.ToArray(),
            DocumentationFileCount = documentation,
            Imports = imports.ToArray(),
            ImportComment = importComment,
            Errors = errors,
        };
    }
}
