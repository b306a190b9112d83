using MapScope.Analysis.Framework;

namespace MapScope.Analysis.Tests;

/// <summary>
/// Matches reported diagnostics against want comments, as analysistest does: each expectation consumes one
/// diagnostic on its line whose message it matches; expectations left over and diagnostics nobody wanted
/// are both failures.
/// </summary>
public static class Expectations
{
    /// <summary>Problems as "file:line: ..." lines, sorted by file and line; empty when everything matches.</summary>
    public static List<string> Compare(IReadOnlyList<Want> wants, IReadOnlyList<(string File, Diagnostic D)> diagnostics)
    {
        var unmatched = diagnostics.ToList();
        List<(string File, int Line, string Text)> problems = [];
        foreach (var w in wants.OrderBy(w => w.File, StringComparer.Ordinal).ThenBy(w => w.Line))
        {
            int hit = unmatched.FindIndex(d => d.File == w.File && d.D.Line == w.Line && w.Pattern.IsMatch(d.D.Message));
            if (hit >= 0)
            {
                unmatched.RemoveAt(hit);
                continue;
            }
            var onLine = diagnostics.Where(d => d.File == w.File && d.D.Line == w.Line).Select(d => $"\"{d.D.Message}\"").ToList();
            var got = onLine.Count == 0 ? "none was reported on this line" : "reported on this line: " + string.Join(", ", onLine);
            problems.Add((w.File, w.Line, $"no diagnostic matching `{w.Pattern}` ({got})"));
        }
        foreach (var (file, d) in unmatched)
            problems.Add((file, d.Line, $"unexpected diagnostic: {d.Message} ({d.RuleId})"));
        return problems
            .OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line)
            .Select(p => $"{p.File}:{p.Line}: {p.Text}")
            .ToList();
    }
}
