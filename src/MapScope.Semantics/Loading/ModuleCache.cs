using System.Text;

namespace MapScope.Semantics.Loading;

/// <summary>Where the go command unpacks module versions: GOMODCACHE/escaped-path@escaped-version.</summary>
public static class ModuleCache
{
    public static string Dir(string modCache, string modulePath, string version) =>
        Path.Combine(modCache, Escape(modulePath) + "@" + Escape(version));

    /// <summary>Case-insensitive file systems: an upper-case letter is written as '!' plus its lower case.</summary>
    public static string Escape(string s)
    {
        if (!s.Any(char.IsAsciiLetterUpper)) return s;
        var b = new StringBuilder(s.Length + 4);
        foreach (var c in s)
        {
            if (char.IsAsciiLetterUpper(c)) b.Append('!').Append(char.ToLowerInvariant(c));
            else b.Append(c);
        }
        return b.ToString();
    }
}
