namespace MapScope.Evidence.Pprof;

/// <summary>A file under the source tree that a profile path resolved to.</summary>
/// <param name="FullPath">Absolute path, inside the root after following symlinks.</param>
/// <param name="RelativePath">Relative to the root, '/'-separated.</param>
/// <param name="MatchedSegments">How many trailing path segments matched.</param>
public sealed record SourceMatch(string FullPath, string RelativePath, int MatchedSegments);

/// <summary>
/// Maps file paths recorded in a profile (build machine paths like /src/app/cache.go, or -trimpath module
/// paths like example.com/app/cache.go) to files under a local source tree by the longest common path
/// suffix. Only files found by walking the tree are ever returned, and symlinks are followed only when
/// their target stays inside the tree, so nothing outside the root can be read through a match.
/// A tie between equally good candidates is no match: attribution never guesses.
/// </summary>
public sealed class SourceTree
{
    private readonly string _root;
    private readonly Lazy<Dictionary<string, List<string[]>>> _byName;

    public SourceTree(string root)
    {
        var full = Path.GetFullPath(root);
        var info = new DirectoryInfo(full);
        if (!info.Exists) throw new DirectoryNotFoundException($"source directory not found: {root}");
        _root = Path.TrimEndingDirectorySeparator(ResolveLinks(info.FullName));
        _byName = new Lazy<Dictionary<string, List<string[]>>>(Index);
    }

    public string Root => _root;

    public SourceMatch? Resolve(string profilePath)
    {
        var wanted = Split(profilePath);
        if (wanted.Length == 0) return null;
        if (!_byName.Value.TryGetValue(wanted[^1], out var candidates)) return null;

        string[]? best = null;
        int bestScore = 0;
        bool tie = false;
        foreach (var c in candidates)
        {
            int score = 0;
            while (score < c.Length && score < wanted.Length && c[^(score + 1)] == wanted[^(score + 1)]) score++;
            if (score > bestScore) { best = c; bestScore = score; tie = false; }
            else if (score == bestScore) tie = true;
        }
        if (best is null || tie) return null;
        var relative = string.Join('/', best);
        return new SourceMatch(Path.Combine(_root, Path.Combine(best)), relative, bestScore);
    }

    private static string[] Split(string path) =>
        path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();

    private Dictionary<string, List<string[]>> Index()
    {
        var byName = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        var pending = new Stack<(DirectoryInfo Dir, string[] Rel)>();
        pending.Push((new DirectoryInfo(_root), []));
        while (pending.Count > 0)
        {
            var (dir, rel) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try { entries = dir.EnumerateFileSystemInfos(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.')) continue; // .git, editor folders
                string[] path = [.. rel, entry.Name];
                if (entry.LinkTarget is not null && !TargetInsideRoot(entry)) continue;
                if (entry is DirectoryInfo sub)
                {
                    // A directory link inside the tree would index files twice (or loop); its target is indexed anyway.
                    if (sub.LinkTarget is null) pending.Push((sub, path));
                }
                else
                {
                    if (!byName.TryGetValue(entry.Name, out var list)) byName[entry.Name] = list = [];
                    list.Add(path);
                }
            }
        }
        return byName;
    }

    private bool TargetInsideRoot(FileSystemInfo entry)
    {
        try
        {
            var target = entry.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists) return false;
            return IsInside(ResolveLinks(target.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private bool IsInside(string path) =>
        path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symlinked component resolved, so containment checks see real locations.</summary>
    private static string ResolveLinks(string path)
    {
        var full = Path.GetFullPath(path);
        var rootOfPath = Path.GetPathRoot(full)!;
        var current = rootOfPath;
        foreach (var part in full[rootOfPath.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is not null) next = ResolveLinks(target.FullName);
            }
            current = next;
        }
        return current;
    }
}
