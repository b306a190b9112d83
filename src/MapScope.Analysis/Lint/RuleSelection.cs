using MapScope.Analysis.Config;
using MapScope.Analysis.Framework;
using MapScope.Analysis.Suppressions;

namespace MapScope.Analysis.Lint;

/// <summary>
/// Decides which rules run and at which severity: the rule's defaults, then .mapscope.yml, then `all` in
/// --enable/--disable, then the ids named in them — a named rule beats `all`, so `--disable all --enable x` runs
/// only x and `--enable all --disable x` runs all but x; naming a rule in both disables it. Unknown ids
/// anywhere are errors — a typo must not silently lint less.
/// </summary>
public static class RuleSelection
{
    /// <summary>Ids that are not analyzers but can be configured like rules (findings about ignore comments).</summary>
    public static IReadOnlyList<string> BuiltinIds { get; } = [SuppressionIndex.RuleId];

    public static (List<ActiveRule> Rules, bool IgnoreDirectiveEnabled) Select(IReadOnlyList<Analyzer> analyzers, LintConfig config, IReadOnlyList<string> enable, IReadOnlyList<string> disable)
    {
        var known = analyzers.Select(a => a.Id).Concat(BuiltinIds).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, rc) in config.Rules)
            if (!known.Contains(id)) throw new LintException($"{config.FilePath}:{rc.Line}:{rc.Column}: unknown rule {id} (see `mapscope rules`)");
        var on = Ids(enable, "--enable", known);
        var off = Ids(disable, "--disable", known);

        bool Enabled(string id, bool byDefault)
        {
            bool e = config.Rules.TryGetValue(id, out var rc) && rc.Enabled is { } ce ? ce : byDefault;
            if (on.Contains("all")) e = true;
            if (off.Contains("all")) e = false;
            if (on.Contains(id)) e = true;
            if (off.Contains(id)) e = false;
            return e;
        }

        var rules = analyzers
            .Where(a => Enabled(a.Id, a.EnabledByDefault))
            .Select(a => new ActiveRule(a, config.Rules.TryGetValue(a.Id, out var rc) && rc.Severity is { } s ? s : a.DefaultSeverity))
            .ToList();
        return (rules, Enabled(SuppressionIndex.RuleId, true));
    }

    private static HashSet<string> Ids(IReadOnlyList<string> values, string option, HashSet<string> known)
    {
        var ids = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
        foreach (var id in ids)
            if (id != "all" && !known.Contains(id)) throw new LintException($"{option}: unknown rule {id} (see `mapscope rules`)");
        return ids;
    }
}
