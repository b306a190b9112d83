namespace MapScope.Analysis.Suppressions;

/// <summary>
/// One <c>//mapscope:ignore RULE-ID[,RULE-ID...] reason</c> comment. A directive alone on its line covers that
/// line and the next one (it sits above the code); one after code on a line covers only that line.
/// RuleIds may contain "all".
/// </summary>
public sealed record IgnoreDirective(string File, int Line, int Column, int Offset, int EndOffset, IReadOnlyList<string> RuleIds, string Reason, bool CoversNextLine)
{
    public bool Covers(string ruleId, int line) =>
        (line == Line || (CoversNextLine && line == Line + 1)) && RuleIds.Any(id => id == "all" || id == ruleId);
}
