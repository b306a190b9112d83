namespace MapScope.Semantics.Loading;

/// <summary>
/// `--loader auto`: the go command when it is installed, the directory loader otherwise. Patterns that
/// point into a module nested below a working directory that is not inside it (`mapscope lint
/// ./examples/...` from a repository root), which the go command refuses, are loaded from that module's
/// root, as if the user had changed into it.
/// </summary>
public sealed class AutoLoader(IPackageLoader? primary = null) : IPackageLoader
{
    private readonly IPackageLoader _primary = primary ?? (GoCommand.Path != null ? new GoListLoader() : new DirectoryLoader());

    public LoadResult Load(IReadOnlyList<string> patterns, LoadOptions options)
    {
        var first = _primary.Load(patterns, options);
        if (first.Packages.Count > 0 || patterns.Count != 1) return first;
        if (NestedModule(patterns[0], options.WorkingDirectory) is not var (root, pattern)) return first;
        var second = _primary.Load([pattern], options with { WorkingDirectory = root });
        return second.Packages.Count > 0 ? second : first;
    }

    /// <summary>The root of the module holding a relative directory pattern, and the pattern relative to that root.</summary>
    internal static (string Root, string Pattern)? NestedModule(string pattern, string cwd)
    {
        bool recursive = pattern.EndsWith("/...", StringComparison.Ordinal) || pattern == "...";
        var dirPart = recursive ? pattern[..^3].TrimEnd('/') : pattern;
        if (dirPart.Length == 0) dirPart = ".";
        if (!(dirPart == "." || dirPart.StartsWith("./", StringComparison.Ordinal) || dirPart.StartsWith("../", StringComparison.Ordinal) || Directory.Exists(Path.Combine(cwd, dirPart))))
            return null;
        var dir = Path.GetFullPath(dirPart, cwd);
        if (!Directory.Exists(dir)) return null;
        for (var d = new DirectoryInfo(dir); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "go.mod")))
            {
                var rel = Path.GetRelativePath(d.FullName, dir).Replace('\\', '/');
                var inner = rel == "." ? "." : "./" + rel;
                return (d.FullName, recursive ? (inner == "." ? "./..." : inner + "/...") : inner);
            }
            if (string.Equals(d.FullName.TrimEnd('/'), Path.GetFullPath(cwd).TrimEnd('/'), StringComparison.Ordinal) && d.FullName != dir) break;
        }
        return null;
    }
}
