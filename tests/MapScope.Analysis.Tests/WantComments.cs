using System.Text;
using System.Text.RegularExpressions;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Tests;

/// <summary>An expectation written in a testdata file: a diagnostic whose message matches Pattern is reported on Line.</summary>
public sealed record Want(string File, int Line, Regex Pattern)
{
    public override string ToString() => $"{File}:{Line}: `{Pattern}`";
}

/// <summary>
/// Reads analysistest-style expectations: a comment <c>// want "regexp" `regexp` ...</c> (or <c>/* want ... */</c>)
/// expects, on the comment's line, one diagnostic per quoted regexp. Regexps are Go string literals,
/// interpreted or raw, and match anywhere in the message (like Go's regexp.MatchString).
/// </summary>
public static class WantComments
{
    /// <summary>The expectations of one file, and problems with malformed want comments (as "file:line: ...").</summary>
    public static (List<Want> Wants, List<string> Errors) Parse(ParsedFile file, string displayPath)
    {
        List<Want> wants = [];
        List<string> errors = [];
        foreach (var group in file.File.Comments)
        {
            foreach (var c in group.List)
            {
                var text = c.Text;
                text = text.StartsWith("//") ? text[2..] : text[2..^2];
                text = text.TrimStart();
                if (!text.StartsWith("want") || (text.Length > 4 && !char.IsWhiteSpace(text[4]) && text[4] is not ('"' or '`'))) continue;
                int line = file.Lines.Position(c.Pos).Line;
                var (patterns, error) = Literals(text[4..]);
                if (error != null)
                {
                    errors.Add($"{displayPath}:{line}: malformed want comment: {error}");
                    continue;
                }
                foreach (var p in patterns)
                {
                    try
                    {
                        wants.Add(new Want(displayPath, line, new Regex(p, RegexOptions.CultureInvariant)));
                    }
                    catch (ArgumentException e)
                    {
                        errors.Add($"{displayPath}:{line}: bad regexp in want comment `{p}`: {e.Message}");
                    }
                }
            }
        }
        return (wants, errors);
    }

    /// <summary>Splits `"a" `b`` into the decoded literals; an error when anything else appears or nothing does.</summary>
    internal static (List<string> Values, string? Error) Literals(string s)
    {
        List<string> values = [];
        int i = 0;
        while (true)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i == s.Length) break;
            char q = s[i];
            if (q is not ('"' or '`')) return (values, $"expected a quoted regexp at `{s[i..].Trim()}`");
            int j = i + 1;
            while (j < s.Length && s[j] != q)
            {
                if (q == '"' && s[j] == '\\') j++;
                j++;
            }
            if (j >= s.Length) return (values, $"unterminated literal {s[i..].Trim()}");
            var lit = s[i..(j + 1)];
            if (StringLiteral.Unquote(Encoding.UTF8.GetBytes(lit)) is not { } value) return (values, $"invalid Go string literal {lit}");
            values.Add(value);
            i = j + 1;
        }
        if (values.Count == 0) return (values, "no quoted regexp after want");
        return (values, null);
    }
}
