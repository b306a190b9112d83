using System.Text.RegularExpressions;

namespace MapScope.Semantics.Loading;

/// <summary>Go-command pattern helpers: which patterns are local, and matching with "..." wildcards.</summary>
public static class PatternMatch
{
    /// <summary>".", "..", "./x", "../x" and rooted paths name directories; everything else is an import path.</summary>
    public static bool IsLocal(string pattern) =>
        pattern is "." or ".." || pattern.StartsWith("./", StringComparison.Ordinal) || pattern.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(pattern);

    public static bool HasWildcard(string pattern) => pattern.Contains("...", StringComparison.Ordinal);

    /// <summary>
    /// A matcher for a pattern where "..." matches any string; "x/..." also matches "x" itself
    /// (like cmd/go's matchPattern).
    /// </summary>
    public static Func<string, bool> Matcher(string pattern)
    {
        var re = Regex.Escape(pattern).Replace(@"\.\.\.", ".*");
        if (re.EndsWith("/.*", StringComparison.Ordinal)) re = re[..^3] + "(/.*)?";
        var regex = new Regex("^" + re + "$", RegexOptions.CultureInvariant);
        return regex.IsMatch;
    }

    /// <summary>The literal part of a wildcard pattern up to the last '/' before the first "...".</summary>
    public static string LiteralPrefix(string pattern)
    {
        var i = pattern.IndexOf("...", StringComparison.Ordinal);
        if (i < 0) return pattern;
        var head = pattern[..i];
        var slash = head.LastIndexOf('/');
        return slash < 0 ? "" : head[..slash];
    }
}
