using MapScope.Semantics.Loading;

namespace MapScope.Analysis.Lint;

/// <summary>
/// Finds the patterns that matched no package with Go files: `mapscope lint ./typo/...` must fail, not pass
/// silently. Matching follows the go command: local patterns by directory, others by import path.
/// </summary>
public static class PatternCoverage
{
    public static List<string> Unmatched(IReadOnlyList<string> patterns, IReadOnlyList<GoPackage> packages, string workingDirectory)
    {
        // Directories compare with symlinks resolved: the go command names them after $PWD, the process after the real path.
        var cwd = RelativePaths.RealPath(workingDirectory);
        var withFiles = packages.Where(p => p.GoFiles.Count > 0).Select(p => p with { Dir = RelativePaths.RealPath(p.Dir) }).ToList();
        return patterns.Where(p => !withFiles.Any(pkg => Matches(p, pkg, cwd))).ToList();
    }

    private static bool Matches(string pattern, GoPackage p, string cwd)
    {
        if (pattern == "std") return p.Standard;
        if (pattern is "all" or "cmd") return true;
        if (GoFilesPackage.IsFileArgument(pattern))
            return p.ImportPath == GoFilesPackage.ImportPath && SameDir(Path.GetDirectoryName(Path.GetFullPath(pattern, cwd))!, p.Dir);
        if (!PatternMatch.IsLocal(pattern)) return PatternMatch.Matcher(pattern)(p.ImportPath);

        if (!PatternMatch.HasWildcard(pattern)) return SameDir(Path.GetFullPath(pattern, cwd), p.Dir);
        var prefix = PatternMatch.LiteralPrefix(pattern);
        var baseDir = Path.GetFullPath(prefix.Length > 0 ? prefix : ".", cwd);
        var rel = Path.GetRelativePath(baseDir, p.Dir).Replace('\\', '/');
        if (rel == ".." || rel.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(rel)) return false;
        // Match the part after the literal prefix, spelled as the pattern spells it.
        var rest = pattern[(prefix.Length > 0 ? prefix.Length + 1 : 0)..];
        if (rest.StartsWith("./", StringComparison.Ordinal)) rest = rest[2..];
        return PatternMatch.Matcher(rest)(rel == "." ? "" : rel) || (rest == "..." && rel == ".");
    }

    private static bool SameDir(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
