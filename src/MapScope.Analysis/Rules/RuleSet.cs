using MapScope.Analysis.Framework;

namespace MapScope.Analysis.Rules;

/// <summary>
/// Every rule mapscope runs, one line each. `mapscope rules`, the lint command, the SARIF rule table and
/// the generated docs/rules/ pages all read this list. Adding a rule: one folder under Rules/, one line here,
/// then `./mapscope rules --write-docs docs/rules`.
/// </summary>
public static class RuleSet
{
    public static IReadOnlyList<Analyzer> All { get; } =
    [
        new NilMapWrite.NilMapWriteAnalyzer(),
        new ConcurrentMapAccess.ConcurrentMapAccessAnalyzer(),
        new InconsistentMapLock.InconsistentMapLockAnalyzer(),
        new RLockMapWrite.RLockMapWriteAnalyzer(),
        new SyncMapCheckThenAct.SyncMapCheckThenActAnalyzer(),
        new RangeInsert.RangeInsertAnalyzer(),
        new NewMap.NewMapAnalyzer(),
        new UnhashableKey.UnhashableKeyAnalyzer(),
        new UnboundedMapGrowth.UnboundedMapGrowthAnalyzer(),
    ];

    /// <summary>The rule with this id, or null.</summary>
    public static Analyzer? Find(string id) => All.FirstOrDefault(a => a.Id == id);
}
