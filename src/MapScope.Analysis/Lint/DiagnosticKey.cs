using MapScope.Analysis.Framework;

namespace MapScope.Analysis.Lint;

/// <summary>Two diagnostics are the same finding when rule, place and message agree (fixes and related places aside).</summary>
internal sealed class DiagnosticKey : IEqualityComparer<Diagnostic>
{
    public static readonly DiagnosticKey Comparer = new();

    public bool Equals(Diagnostic? a, Diagnostic? b) =>
        a is not null && b is not null && a.RuleId == b.RuleId && a.File == b.File && a.Line == b.Line && a.Column == b.Column && a.Message == b.Message;

    public int GetHashCode(Diagnostic d) => HashCode.Combine(d.RuleId, d.File, d.Line, d.Column, d.Message);
}
