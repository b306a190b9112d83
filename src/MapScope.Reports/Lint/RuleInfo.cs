using MapScope.Analysis.Framework;
using MapScope.Analysis.Suppressions;

namespace MapScope.Reports.Lint;

/// <summary>What reports and generated docs say about a rule: an analyzer's metadata, or that of a built-in finding.</summary>
public sealed record RuleInfo(string Id, string Title, string Doc, string BadExample, string GoodExample, Severity DefaultSeverity, bool EnabledByDefault)
{
    public static RuleInfo Of(Analyzer a) => new(a.Id, a.Title, a.Doc, a.BadExample, a.GoodExample, a.DefaultSeverity, a.EnabledByDefault);

    /// <summary>Findings about //mapscope:ignore comments (no reason, unknown rule, no rule ids).</summary>
    public static RuleInfo IgnoreDirective { get; } = new(
        SuppressionIndex.RuleId,
        "A //mapscope:ignore comment that is malformed, names an unknown rule or gives no reason",
        "A suppression should say why the finding does not apply, so that the next reader can check the argument. " +
        "Directives without a reason still suppress, but are reported; directives naming a rule that does not exist suppress nothing.",
        "m[k] = v //mapscope:ignore nil-map-write",
        "m[k] = v //mapscope:ignore nil-map-write m is made by every constructor",
        Severity.Warning,
        true);

    /// <summary>The info for a rule id seen in results: the analyzer's, the built-in's, or just the id.</summary>
    public static RuleInfo For(string id, IEnumerable<Analyzer> analyzers) =>
        analyzers.FirstOrDefault(a => a.Id == id) is { } a ? Of(a)
        : id == IgnoreDirective.Id ? IgnoreDirective
        : new RuleInfo(id, id, "", "", "", Severity.Warning, true);
}
