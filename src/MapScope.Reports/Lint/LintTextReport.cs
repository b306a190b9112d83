using MapScope.Analysis.Lint;

namespace MapScope.Reports.Lint;

/// <summary>One line per finding, as Go tools print them: <c>path:line:col: message (rule-id)</c>.</summary>
public static class LintTextReport
{
    public static void Write(LintResult result, TextWriter w)
    {
        foreach (var d in result.Diagnostics)
            w.Write($"{d.File}:{d.Line}:{d.Column}: {OneLine(d.Message)} ({d.RuleId})\n");
    }

    /// <summary>A message spanning lines would break line-oriented consumers (editors, grep).</summary>
    internal static string OneLine(string s) => s.Contains('\n') || s.Contains('\r') ? string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : s;
}
