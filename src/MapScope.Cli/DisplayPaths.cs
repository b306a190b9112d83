namespace MapScope.Cli;

/// <summary>How paths are shown to users: relative to the working directory when under it.</summary>
public static class DisplayPaths
{
    public const string Stdin = "<stdin>";

    /// <summary>
    /// "examples/cache/cache.go" for a file under the working directory (however it was spelled),
    /// otherwise the path as the user gave it.
    /// </summary>
    public static string For(string path, string workingDirectory)
    {
        if (path == "-") return Stdin;
        var full = Path.GetFullPath(path, workingDirectory);
        var relative = Path.GetRelativePath(workingDirectory, full);
        bool under = relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                     && !Path.IsPathRooted(relative);
        return under ? relative : path;
    }
}
