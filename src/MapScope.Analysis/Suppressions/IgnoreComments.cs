using MapScope.Syntax;

namespace MapScope.Analysis.Suppressions;

/// <summary>
/// Finds the <c>//mapscope:ignore</c> directives of a parsed file. Like //go: directives, the comment must start
/// exactly with "//mapscope:ignore" (no space after the slashes). Malformed directives are returned as problems.
/// </summary>
public static class IgnoreComments
{
    public const string Prefix = "//mapscope:ignore";

    public sealed record Problem(string File, int Line, int Column, int Offset, int EndOffset, string Message);

    public static (List<IgnoreDirective> Directives, List<Problem> Problems) Read(ParsedFile file)
    {
        List<IgnoreDirective> directives = [];
        List<Problem> problems = [];
        foreach (var group in file.File.Comments)
        {
            foreach (var c in group.List)
            {
                var text = c.Text;
                if (!text.StartsWith(Prefix, StringComparison.Ordinal)) continue;
                var rest = text[Prefix.Length..];
                if (rest.Length > 0 && !char.IsWhiteSpace(rest[0])) continue; // e.g. //mapscope:ignored is not ours
                var (line, col) = file.Lines.Position(c.Pos);
                var (ids, reason) = Split(rest);
                if (ids.Count == 0)
                {
                    problems.Add(new Problem(file.Path, line, col, c.Pos, c.End, "//mapscope:ignore needs the rule ids to ignore and a reason: //mapscope:ignore RULE-ID reason"));
                    continue;
                }
                directives.Add(new IgnoreDirective(file.Path, line, col, c.Pos, c.End, ids, reason, AloneOnLine(file, c.Pos, line)));
            }
        }
        return (directives, problems);
    }

    /// <summary>" a,b  why not" -> ([a, b], "why not").</summary>
    internal static (List<string> Ids, string Reason) Split(string rest)
    {
        rest = rest.Trim();
        if (rest.Length == 0) return ([], "");
        int space = rest.IndexOfAny([' ', '\t']);
        var idList = space < 0 ? rest : rest[..space];
        var reason = space < 0 ? "" : rest[space..].Trim();
        var ids = idList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return (ids, reason);
    }

    private static bool AloneOnLine(ParsedFile file, int pos, int line)
    {
        for (int i = file.Lines.LineStart(line); i < pos; i++)
            if (file.Source[i] is not ((byte)' ' or (byte)'\t')) return false;
        return true;
    }
}
