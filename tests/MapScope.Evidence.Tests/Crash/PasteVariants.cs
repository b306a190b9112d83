using System.Text;

namespace MapScope.Evidence.Tests.Crash;

/// <summary>
/// The ways a real dump arrives after passing through log collectors, terminals and comment boxes, as
/// transformations of a committed fixture's text. Each shape was seen in public issue threads (listed in
/// docs/evidence-variants.md); the text here is generated from our own fixtures, never copied.
/// </summary>
internal static class PasteVariants
{
    /// <summary>How a variant ends the input: whole, or cut (the reader must flag truncation).</summary>
    public enum Ending { Whole, Cut }

    public sealed record Variant(string Name, Func<string, string> Apply, Ending Ending = Ending.Whole);

    /// <summary>Every variant that keeps the whole dump: prefixes, indentation changes, line endings, colour.</summary>
    public static readonly Variant[] Whole =
    [
        new("as-recorded", t => t),
        new("docker-compose", t => PrefixLines(t, "api-1  | ", "api-1  |")),
        new("docker-compose-v1", t => PrefixLines(t, "service_api_1   | ", "service_api_1   |")),
        new("kubectl-prefix", t => PrefixLines(t, "[pod/api-7d9f6c5b8-x2x7q/app] ")),
        new("kubectl-prefix-timestamps", t => PrefixLines(t, "[pod/api-7d9f6c5b8-x2x7q/app] 2024-05-06T07:08:09.123456789Z ")),
        new("docker-logs-timestamps", t => PrefixLines(t, "2024-05-06T07:08:09.123456789Z ")),
        new("journald", t => PrefixLines(t, "May  6 07:08:09 web-01 api[2231]: ")),
        new("journald-iso", t => PrefixLines(t, "2024-05-06T07:08:09+0000 web-01 api[2231]: ")),
        new("go-log-timestamp", t => PrefixLines(t, "2024/05/06 07:08:09 ")),
        new("go-log-microseconds", t => PrefixLines(t, "2024/05/06 07:08:09.123456 ")),
        new("github-actions", t => PrefixLines(t, "2024-05-06T07:08:09.1234567Z ")),
        new("jenkins-timestamper", t => PrefixLines(t, "[2024-05-06T07:08:09.123Z] ")),
        new("heroku", t => PrefixLines(t, "2024-05-06T07:08:09.123456+00:00 app[web.1]: ")),
        new("github-quote", t => PrefixLines(t, "> ", ">")),
        new("github-actions-compose", t => PrefixLines(t, "2024-05-06T07:08:09.1234567Z api-1  | ", "2024-05-06T07:08:09.1234567Z api-1  |")),
        new("tabs-as-8-spaces", t => t.Replace("\t", "        ")),
        new("tabs-as-4-spaces", t => t.Replace("\t", "    ")),
        new("tabs-as-1-space", t => t.Replace("\t", " ")),
        new("tabs-lost", t => t.Replace("\t", "")),
        new("markdown-indented", t => PrefixLines(t, "    ")),
        new("markdown-indented-spaces", t => PrefixLines(t.Replace("\t", "    "), "    ")),
        new("crlf", t => t.Replace("\n", "\r\n")),
        new("trailing-spaces", t => SuffixLines(t, "   ")),
        new("trailing-tab", t => SuffixLines(t, "\t")),
        new("ansi-colour-messages", Colour),
        new("ansi-compose", t => PrefixLines(t, "\u001b[36mapi-1  | \u001b[0m", "\u001b[36mapi-1  |\u001b[0m")),
        new("everything", t => PrefixLines(SuffixLines(Colour(t), " "), "2024-05-06T07:08:09.1234567Z ").Replace("\t", "    ").Replace("\n", "\r\n")),
    ];

    /// <summary>Variants that lose the end of the dump after the culprit's file line.</summary>
    public static IEnumerable<Variant> Cut(string text)
    {
        yield return new("no-final-newline", t => t.TrimEnd('\n'), Ending.Cut);
        yield return new("cut-mid-last-line", t => CutInLine(t, LastLineStart(t), 0.5), Ending.Cut);
        var after = CrashingGoroutineEnd(text);
        if (after < 0) yield break;
        // Cut in the next goroutine's header, in its first function line, and in its first file line.
        yield return new("cut-mid-header", t => CutInLine(t, CrashingGoroutineEnd(t), 0.5), Ending.Cut);
        yield return new("cut-mid-frame", t => CutInLine(t, NextLine(t, CrashingGoroutineEnd(t)), 0.6), Ending.Cut);
        yield return new("cut-mid-file-line", t => CutInLine(t, NextLine(t, NextLine(t, CrashingGoroutineEnd(t))), 0.5), Ending.Cut);
        yield return new("cut-after-frame-line", t => t[..(NextLine(t, NextLine(t, CrashingGoroutineEnd(t))) - 1)] + "\n", Ending.Cut);
        yield return new("cut-after-header", t => t[..NextLine(t, CrashingGoroutineEnd(t))], Ending.Cut);
        yield return new("cut-compose-prefixed", t => PrefixLines(t, "api-1  | ", "api-1  |").TrimEnd('\n')[..^3], Ending.Cut);
    }

    public static string PrefixLines(string text, string prefix, string? emptyLinePrefix = null)
    {
        var sb = new StringBuilder(text.Length * 2);
        var lines = Lines(text, out bool finalNewline);
        foreach (var line in lines)
            sb.Append(line.Length == 0 ? emptyLinePrefix ?? prefix : prefix).Append(line).Append('\n');
        return finalNewline ? sb.ToString() : sb.ToString().TrimEnd('\n');
    }

    public static string SuffixLines(string text, string suffix)
    {
        var sb = new StringBuilder(text.Length * 2);
        var lines = Lines(text, out bool finalNewline);
        foreach (var line in lines) sb.Append(line).Append(suffix).Append('\n');
        return finalNewline ? sb.ToString() : sb.ToString().TrimEnd('\n');
    }

    /// <summary>Colours the message and goroutine headers as a terminal logger would, and dims file lines.</summary>
    private static string Colour(string text)
    {
        var sb = new StringBuilder(text.Length * 2);
        foreach (var line in Lines(text, out _))
        {
            if (line.StartsWith("fatal error:", StringComparison.Ordinal) || line.StartsWith("panic:", StringComparison.Ordinal) || line.StartsWith("SIG", StringComparison.Ordinal))
                sb.Append("\u001b[1;31m").Append(line).Append("\u001b[0m");
            else if (line.StartsWith("goroutine ", StringComparison.Ordinal)) sb.Append("\u001b[33m").Append(line).Append("\u001b[m");
            else if (line.StartsWith('\t')) sb.Append("\t\u001b[2m").Append(line[1..]).Append("\u001b[22m");
            else sb.Append(line);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Interleaves two dumps line by line as docker compose prints two services that crash together.</summary>
    public static string Interleave(string a, string nameA, string b, string nameB)
    {
        var la = Lines(a, out _);
        var lb = Lines(b, out _);
        var sb = new StringBuilder((a.Length + b.Length) * 2);
        int width = Math.Max(nameA.Length, nameB.Length);
        for (int i = 0, j = 0; i < la.Count || j < lb.Count;)
        {
            // Uneven bursts, as two processes' writes really arrive: 3 lines of one, 2 of the other.
            for (int k = 0; k < 3 && i < la.Count; k++, i++) sb.Append(nameA.PadRight(width)).Append("  | ").Append(la[i]).Append('\n');
            for (int k = 0; k < 2 && j < lb.Count; k++, j++) sb.Append(nameB.PadRight(width)).Append("  | ").Append(lb[j]).Append('\n');
        }
        return sb.ToString();
    }

    private static List<string> Lines(string text, out bool finalNewline)
    {
        finalNewline = text.EndsWith('\n');
        var lines = text.Split('\n').ToList();
        if (finalNewline) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>The offset where the line after the crashing goroutine's blank line starts (the second goroutine header), or -1.</summary>
    private static int CrashingGoroutineEnd(string text)
    {
        int first = text.IndexOf("\ngoroutine ", StringComparison.Ordinal);
        if (first < 0) return -1;
        int second = text.IndexOf("\n\ngoroutine ", first + 1, StringComparison.Ordinal);
        return second < 0 ? -1 : second + 2;
    }

    private static int NextLine(string text, int start) => text.IndexOf('\n', start) + 1;

    private static int LastLineStart(string text) => text.TrimEnd('\n').LastIndexOf('\n') + 1;

    /// <summary>The text up to <paramref name="fraction"/> of the line starting at <paramref name="start"/>, without a newline.</summary>
    private static string CutInLine(string text, int start, double fraction)
    {
        int end = text.IndexOf('\n', start);
        if (end < 0) end = text.Length;
        return text[..(start + Math.Max(1, (int)((end - start) * fraction)))];
    }
}
