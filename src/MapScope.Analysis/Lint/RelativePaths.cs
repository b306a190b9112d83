namespace MapScope.Analysis.Lint;

/// <summary>Paths in findings: relative to the working directory when under it, absolute otherwise (as go vet prints them).</summary>
public static class RelativePaths
{
    public static string For(string path, string workingDirectory)
    {
        if (!Path.IsPathRooted(path)) return path;
        var rel = Path.GetRelativePath(workingDirectory, path);
        bool under = rel != ".." && !rel.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(rel);
        return under ? rel : path;
    }
}
