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
    public int TestFileCount { get; init; }
    /// <summary>Files that survive the name and constraint checks but are not compiled ("package documentation").</summary>
    public int DocumentationFileCount { get; init; }
    /// <summary>Imports of the compiled files as written, sorted, duplicates removed.</summary>
    public IReadOnlyList<string> Imports { get; init; } = [];
    public string? ImportComment { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The go command treats a directory as a package when some file (tests included) survives the constraints.</summary>
    public bool HasPackage => GoFiles.Count + TestFileCount + DocumentationFileCount > 0;

    public static DirectoryScan Read(string dir, BuildContext ctx)
    {
        string[] names;
        try
        {
            names = Directory.GetFiles(dir).Select(Path.GetFileName).OfType<string>().ToArray();
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
        var errors = new List<string>();
        int tests = 0, documentation = 0;
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
            if (isTest && pkg.EndsWith("_test", StringComparison.Ordinal) && pkg != name) pkg = pkg[..^5];
            if (name.Length == 0) (name, firstFile) = (pkg, file);
            else if (pkg != name) errors.Add($"found packages {name} ({firstFile}) and {pkg} ({file}) in {dir}");
            if (header.Error != null) errors.Add($"{file}: {header.Error}");
            if (isTest) { tests++; continue; }
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
            TestFileCount = tests,
            DocumentationFileCount = documentation,
            Imports = imports.ToArray(),
            ImportComment = importComment,
            Errors = errors,
        };
    }
}
