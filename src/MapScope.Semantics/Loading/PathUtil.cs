namespace MapScope.Semantics.Loading;

/// <summary>Directory arithmetic with '/'-separated relative results, as import paths need.</summary>
internal static class PathUtil
{
    public static string Slash(string p) => p.Replace('\\', '/');

    /// <summary>The '/'-separated path of <paramref name="dir"/> relative to <paramref name="root"/> ("" for the root itself).</summary>
    public static string Relative(string root, string dir)
    {
        var rel = Path.GetRelativePath(root, dir);
        return rel == "." ? "" : Slash(rel);
    }

    public static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);

    /// <summary>Whether <paramref name="dir"/> is <paramref name="root"/> or inside it.</summary>
    public static bool IsUnder(string dir, string root)
    {
        var d = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        var r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        return d == r || d.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
