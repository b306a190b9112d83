namespace MapScope.Semantics.Loading;

/// <summary>
/// A repository without go.mod. Its import path comes from GOPATH when it lives under GOPATH/src; otherwise
/// it is inferred: from <c>// import "..."</c> comments, or from imports of its own folders
/// ("github.com/me/repo/util" imported while the repository has util/ → the repository is github.com/me/repo).
/// </summary>
public sealed record GopathRepo(string Root, string? ImportPath)
{
    /// <summary>The import path of a directory inside the repository, or the go command's "_/abs/dir" form when unknown.</summary>
    public string PathOf(string dir)
    {
        var rel = PathUtil.Relative(Root, dir);
        if (ImportPath is null) return "_" + PathUtil.Slash(Path.GetFullPath(dir));
        return rel.Length == 0 ? ImportPath : ImportPath + "/" + rel;
    }

    /// <summary>The directory for an import path inside the repository, or null.</summary>
    public string? DirOf(string importPath)
    {
        if (ImportPath is null || !MainModule.PathUnder(importPath, ImportPath)) return null;
        var rel = importPath[ImportPath.Length..].TrimStart('/');
        return rel.Length == 0 ? Root : Path.Combine(Root, rel.Replace('/', Path.DirectorySeparatorChar));
    }

    public static GopathRepo Create(string root, GoEnvironment env, IEnumerable<DirectoryScan> scans)
    {
        foreach (var gp in env.GoPath)
        {
            var src = Path.Combine(gp, "src");
            if (PathUtil.IsUnder(root, src) && !PathUtil.SamePath(root, src))
                return new GopathRepo(root, PathUtil.Relative(src, root));
        }
        var list = scans.ToList();
        return new GopathRepo(root, FromImportComments(root, list) ?? FromSelfImports(root, list));
    }

    private static string? FromImportComments(string root, List<DirectoryScan> scans)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in scans)
        {
            if (s.ImportComment is not { } c) continue;
            var rel = PathUtil.Relative(root, s.Dir);
            string? candidate = rel.Length == 0 ? c : c.EndsWith("/" + rel, StringComparison.Ordinal) ? c[..^(rel.Length + 1)] : null;
            if (candidate is { Length: > 0 }) votes[candidate] = votes.GetValueOrDefault(candidate) + 1;
        }
        return Best(votes);
    }

    private static string? FromSelfImports(string root, List<DirectoryScan> scans)
    {
        var rels = scans.Select(s => PathUtil.Relative(root, s.Dir)).Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var imp in scans.SelectMany(s => s.Imports).Distinct(StringComparer.Ordinal))
        {
            var parts = imp.Split('/');
            // A repository path has at least one element ("example.com"); its folder is the rest.
            for (int k = 1; k < parts.Length; k++)
            {
                if (!rels.Contains(string.Join('/', parts[k..]))) continue;
                var candidate = string.Join('/', parts[..k]);
                votes[candidate] = votes.GetValueOrDefault(candidate) + 1;
            }
        }
        return Best(votes);
    }

    private static string? Best(Dictionary<string, int> votes) =>
        votes.Count == 0 ? null : votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key.Length).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key;
}
