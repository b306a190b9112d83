namespace MapScope.Attribution.Source;

/// <summary>
/// Decides whether a relative path names a Go file that may be read: it stays under the root, has no
/// "." or ".." segment, passes through no symlinked directory, and is not a symlink pointing outside the
/// root — the same rules <see cref="Evidence.Pprof.SourceTree"/> applies when it indexes the tree.
/// </summary>
internal static class SafePaths
{
    public const long MaxFileBytes = 16 << 20;

    public static string? FullPathIfSafe(string root, string relative)
    {
        var parts = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p is "." or ".." || p.StartsWith('.'))) return null;
        if (parts.Contains("testdata")) return null; // never indexed: go tooling ignores it too
        var current = root;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            current = Path.Combine(current, parts[i]);
            var dir = new DirectoryInfo(current);
            if (!dir.Exists || dir.LinkTarget is not null) return null;
        }
        var file = new FileInfo(Path.Combine(current, parts[^1]));
        if (!file.Exists) return null;
        if (file.LinkTarget is not null)
        {
            try
            {
                var target = file.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists) return null;
                var real = Path.GetFullPath(target.FullName);
                if (!real.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        }
        return file.FullName;
    }
}
