using System.Text;

namespace MapScope.Semantics.Loading;

/// <summary>
/// Finds the build constraints in a file's leading comments, following go/build's parseFileHeader:
/// a //go:build line counts anywhere before the first non-comment text; // +build lines count only in the
/// leading run of // comments and blank lines, and only before the last blank line of that run (so that a
/// package doc comment directly above <c>package</c> is never read as constraints).
/// </summary>
internal static class ConstraintHeaderScanner
{
    public static (string? GoBuild, List<string> PlusBuild, string? Error) Scan(ReadOnlySpan<byte> src)
    {
        string? goBuild = null, error = null;
        int end = 0;            // where the +build region ends: just after the latest blank line of the leading run
        bool ended = false;     // saw a line that is neither blank nor a // comment
        bool inBlock = false;   // inside /* */
        int pos = 0;
        while (pos < src.Length)
        {
            int nl = src[pos..].IndexOf((byte)'\n');
            int next = nl < 0 ? src.Length : pos + nl + 1;
            var line = Trim(src[pos..(nl < 0 ? src.Length : pos + nl)]);
            pos = next;
            if (line.Length == 0 && !ended)
            {
                end = pos;
                continue;
            }
            if (!line.StartsWith("//"u8)) ended = true;
            if (!inBlock && ConstraintParser.SplitGoBuild(Encoding.UTF8.GetString(line)) is { } expr)
            {
                if (goBuild != null) error ??= "multiple //go:build comments";
                else goBuild = expr;
            }
            if (!SkipComments(line, ref inBlock)) break; // found code: the header is over
        }

        var plus = new List<string>();
        foreach (var raw in Encoding.UTF8.GetString(src[..end]).Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("//", StringComparison.Ordinal) || !line.Contains("+build")) continue;
            if (ConstraintParser.SplitPlusBuild(line) is { } text) plus.Add(text);
        }
        return (goBuild, plus, error);
    }

    /// <summary>Consumes the comments on a line; false when non-comment text follows them.</summary>
    private static bool SkipComments(ReadOnlySpan<byte> line, ref bool inBlock)
    {
        while (line.Length > 0)
        {
            if (inBlock)
            {
                int close = line.IndexOf("*/"u8);
                if (close < 0) return true;
                inBlock = false;
                line = Trim(line[(close + 2)..]);
                continue;
            }
            if (line.StartsWith("//"u8)) return true;
            if (line.StartsWith("/*"u8))
            {
                inBlock = true;
                line = Trim(line[2..]);
                continue;
            }
            return false;
        }
        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        int a = 0, b = s.Length;
        while (a < b && IsSpace(s[a])) a++;
        while (b > a && IsSpace(s[b - 1])) b--;
        return s[a..b];
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\v' or (byte)'\f';
}
