using System.Collections.Concurrent;

namespace MapScope.Analysis.Lint;

/// <summary>
/// Paths in findings: relative to the working directory when under it, absolute otherwise (as go vet prints
/// them). The working directory may be reached through a symlink (/usr/lib/go-1.24/src → /usr/share/go-1.24/src):
/// the process sees the resolved directory while the go command names files by the linked one, so both sides
/// are compared with their symlinks resolved too.
/// </summary>
public static class RelativePaths
{
    private static readonly ConcurrentDictionary<string, string> Resolved = new(StringComparer.Ordinal);

    public static string For(string path, string workingDirectory)
    {
        if (!Path.IsPathRooted(path)) return path;
        if (Under(path, workingDirectory) is { } rel) return rel;
        var realDir = Path.GetDirectoryName(path) is { } d ? RealPath(d) : null;
        if (realDir is null) return path;
        return Under(Path.Combine(realDir, Path.GetFileName(path)), RealPath(workingDirectory)) ?? path;
    }

    private static string? Under(string path, string workingDirectory)
    {
        var rel = Path.GetRelativePath(workingDirectory, path);
        bool under = rel != ".." && !rel.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(rel);
        return under ? rel : null;
    }

    /// <summary>A directory with every symlink on the way resolved (realpath); the input when that fails.</summary>
    internal static string RealPath(string dir) => Resolved.GetOrAdd(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)), d =>
    {
        try
        {
            var parent = Path.GetDirectoryName(d);
            var here = parent is null ? d : Path.Combine(RealPath(parent), Path.GetFileName(d));
            for (int hops = 0; hops < 40; hops++)
            {
                var info = new DirectoryInfo(here);
                if (info.LinkTarget is not { } target) return here;
                var targetPath = Path.GetFullPath(target, Path.GetDirectoryName(here) ?? "/");
                // The target itself may run through links above its last element.
                var targetParent = Path.GetDirectoryName(targetPath);
                here = targetParent is null ? targetPath : Path.Combine(RealPath(targetParent), Path.GetFileName(targetPath));
            }
            return here;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return d;
        }
    });
}
