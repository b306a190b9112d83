using System.Text;
using System.Text.RegularExpressions;

namespace MapScope.Analysis.Config;

/// <summary>
/// A path glob as in .gitignore-style excludes: <c>*</c> any characters but '/', <c>?</c> one of them,
/// <c>**</c> any number of whole directories, everything else literal. A leading "./" or "/" is ignored.
/// A glob naming a directory excludes everything below it.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    public string Pattern { get; }

    public PathGlob(string pattern)
    {
        Pattern = pattern;
        var p = pattern.Replace('\\', '/');
        if (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        p = p.TrimStart('/').TrimEnd('/');
        _regex = new Regex("^" + Translate(p) + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>Whether the slash-separated relative path, or one of its parent directories, matches.</summary>
    public bool MatchesPathOrParent(string relativePath)
    {
        var path = relativePath;
        while (true)
        {
            if (_regex.IsMatch(path)) return true;
            int slash = path.LastIndexOf('/');
            if (slash < 0) return false;
            path = path[..slash];
        }
    }

    private static string Translate(string glob)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" matches zero or more directories; a trailing "**" matches anything.
                bool slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }
}
