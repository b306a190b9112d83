using Mono.Unix.Native;

namespace MapScope.Cli.Output;

/// <summary>
/// What a path really is on disk: the device and inode it leads to (through symlinks), so two names of one
/// file — a symlink, a hard link, "./x" and "x" — compare equal. On Windows, where hard links to a report
/// are not a concern, the fully resolved path stands in for the inode.
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, string RealPath, bool IsRegular, bool IsDirectory)
{
    /// <summary>The file a path names, following symlinks; null when nothing exists there (or a symlink dangles).</summary>
    public static FileIdentity? Of(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            if (Directory.Exists(fullPath)) return new FileIdentity(0, 0, RealPathOf(fullPath), false, true);
            return File.Exists(fullPath) ? new FileIdentity(0, 0, RealPathOf(fullPath), true, false) : null;
        }
        if (Syscall.stat(fullPath, out var st) != 0) return null;
        var type = st.st_mode & FilePermissions.S_IFMT;
        return new FileIdentity(st.st_dev, st.st_ino, RealPathOf(fullPath), type == FilePermissions.S_IFREG, type == FilePermissions.S_IFDIR);
    }

    /// <summary>The identity of an open descriptor (stdin), or null.</summary>
    public static FileIdentity? OfDescriptor(int fd)
    {
        if (OperatingSystem.IsWindows() || Syscall.fstat(fd, out var st) != 0) return null;
        var type = st.st_mode & FilePermissions.S_IFMT;
        return new FileIdentity(st.st_dev, st.st_ino, "", type == FilePermissions.S_IFREG, type == FilePermissions.S_IFDIR);
    }

    public bool SameFileAs(FileIdentity other) =>
        OperatingSystem.IsWindows() ? string.Equals(RealPath, other.RealPath, StringComparison.OrdinalIgnoreCase)
            : Device == other.Device && Inode == other.Inode;

    /// <summary>
    /// The path with every symlink resolved, for paths that may not exist yet: the longest existing prefix
    /// is resolved and the rest appended.
    /// </summary>
    public static string RealPathOf(string fullPath)
    {
        var rest = new Stack<string>();
        var current = Path.TrimEndingDirectorySeparator(fullPath);
        while (true)
        {
            if (File.Exists(current) || Directory.Exists(current))
            {
                var real = Resolve(current);
                return rest.Aggregate(real, Path.Combine);
            }
            var parent = Path.GetDirectoryName(current);
            if (parent is null) return fullPath;
            rest.Push(Path.GetFileName(current));
            current = parent;
        }
    }

    /// <summary>Resolves every symlink along an existing absolute path, component by component.</summary>
    private static string Resolve(string existing, int depth = 0)
    {
        var root = Path.GetPathRoot(existing) ?? "/";
        var current = root;
        foreach (var part in existing[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is not null && depth < 40)
            {
                // The link's final target may itself lie under other links: resolve that path too.
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is not null) next = Resolve(target.FullName, depth + 1);
            }
            current = next;
        }
        return current;
    }
}
