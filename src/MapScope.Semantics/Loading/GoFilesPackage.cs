namespace MapScope.Semantics.Loading;

/// <summary>
/// Go files named on the command line (`mapscope lint a.go b.go`) form one package, as for `go vet a.go b.go`:
/// the go command calls it "command-line-arguments"; the files must be in one directory.
/// </summary>
public static class GoFilesPackage
{
    public const string ImportPath = "command-line-arguments";

    /// <summary>An argument that names a Go file rather than a package pattern.</summary>
    public static bool IsFileArgument(string pattern) => pattern.EndsWith(".go", StringComparison.Ordinal) && !PatternMatch.HasWildcard(pattern);

    /// <summary>The directory and the file names; null with an error naming the argument when a file is missing or they are spread over directories.</summary>
    public static (string Dir, IReadOnlyList<string> Files)? Resolve(IReadOnlyList<string> arguments, string cwd, out string? error)
    {
        error = null;
        string? dir = null;
        var files = new List<string>();
        foreach (var a in arguments)
        {
            var full = Path.GetFullPath(a, cwd);
            if (!File.Exists(full))
            {
                error = Directory.Exists(full) ? $"{a}: is a directory, not a Go file" : $"{a}: no such file";
                return null;
            }
            var d = Path.GetDirectoryName(full)!;
            if (dir != null && !PathUtil.SamePath(dir, d))
            {
                error = $"named files must all be in one directory; have {PathUtil.Relative(cwd, dir)} and {PathUtil.Relative(cwd, d)}";
                return null;
            }
            dir ??= d;
            var name = Path.GetFileName(full);
            if (!files.Contains(name)) files.Add(name);
        }
        return dir is null ? null : (dir, files);
    }

    /// <summary>The go line of the go.mod in <paramref name="dir"/> or above, or null.</summary>
    internal static string? ModuleGoVersion(string dir)
    {
        try
        {
            for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
            {
                var gomod = Path.Combine(d.FullName, "go.mod");
                if (File.Exists(gomod)) return ModFileParser.ParseFile(gomod).GoVersion;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }
}
