using MapScope.Analysis.Lint;

namespace MapScope.Reports.Lint;

/// <summary>
/// One line per finding, as Go tools print them: <c>path:line:col: message (rule-id)</c>. Rules write their
/// messages as "what happens — how to fix it"; the line keeps what happens, short enough to read in a terminal
/// and one line for editors and grep, and <c>verbose</c> adds the advice on an indented line below it.
/// JSON, SARIF and the other formats always carry the whole message.
/// </summary>
public static class LintTextReport
{
    public const string AdviceSeparator = " — ";

    public static void Write(LintResult result, TextWriter w, bool verbose = false)
    {
        foreach (var d in result.Diagnostics)
        {
            var (what, advice) = Split(OneLine(d.Message));
            w.Write($"{d.File}:{d.Line}:{d.Column}: {what} ({d.RuleId})\n");
            if (verbose && advice is not null) w.Write($"    {advice}\n");
        }
    }

    /// <summary>"x panics — initialize it" -> ("x panics", "initialize it"); a message without advice stays whole.</summary>
    public static (string What, string? Advice) Split(string message)
    {
        int at = message.IndexOf(AdviceSeparator, StringComparison.Ordinal);
        return at <= 0 ? (message, null) : (message[..at], message[(at + AdviceSeparator.Length)..]);
    }

    /// <summary>A message spanning lines would break line-oriented consumers (editors, grep).</summary>
    internal static string OneLine(string s) => s.Contains('\n') || s.Contains('\r') ? string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : s;
}
