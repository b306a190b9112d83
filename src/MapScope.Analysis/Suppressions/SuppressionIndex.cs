using MapScope.Analysis.Framework;
using MapScope.Syntax;

namespace MapScope.Analysis.Suppressions;

/// <summary>
/// The ignore directives of a set of files, and the findings about the directives themselves (rule id
/// <see cref="RuleId"/>): a directive without a reason, or naming a rule that does not exist. A directive
/// without a reason still suppresses — silently dropping it would resurface a finding someone chose to hide —
/// but the missing reason is reported so that it gets written down.
/// </summary>
public sealed class SuppressionIndex
{
    /// <summary>Pseudo-rule id of findings about //mapscope:ignore comments.</summary>
    public const string RuleId = "ignore-directive";

    private readonly Dictionary<string, List<IgnoreDirective>> _byFile = new(StringComparer.Ordinal);

    public List<Diagnostic> Problems { get; } = [];

    public void Add(ParsedFile file, Func<string, bool> isKnownRule)
    {
        if (_byFile.ContainsKey(file.Path)) return;
        var (directives, problems) = IgnoreComments.Read(file);
        _byFile[file.Path] = directives;
        foreach (var p in problems) Problems.Add(Problem(file.Path, p.Line, p.Column, p.Offset, p.EndOffset, p.Message));
        foreach (var d in directives)
        {
            foreach (var id in d.RuleIds.Where(id => id != "all" && !isKnownRule(id)))
                Problems.Add(Problem(d.File, d.Line, d.Column, d.Offset, d.EndOffset, $"//mapscope:ignore names unknown rule {id} (see `mapscope rules`)"));
            if (d.Reason.Length == 0)
                Problems.Add(Problem(d.File, d.Line, d.Column, d.Offset, d.EndOffset, $"//mapscope:ignore {string.Join(',', d.RuleIds)} has no reason: write why the finding is wrong or acceptable after the rule ids"));
        }
    }

    /// <summary>Whether a directive in the diagnostic's file covers its rule on its line.</summary>
    public bool IsSuppressed(Diagnostic d) =>
        d.RuleId != RuleId && _byFile.TryGetValue(d.File, out var list) && list.Any(x => x.Covers(d.RuleId, d.Line));

    private static Diagnostic Problem(string file, int line, int col, int offset, int end, string message) =>
        new(RuleId, Severity.Warning, file, line, col, offset, end, message);
}
