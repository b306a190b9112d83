using MapScope.Attribution.Joins;
using MapScope.Evidence.Crash;

namespace MapScope.Reports.Crash;

/// <summary>
/// What --source says about each dump of a crash log: the map at the culprit line and at the other parties'
/// frames. <see cref="Path"/> shows a path relative to --source to the user.
/// </summary>
public sealed class CrashSourceFacts
{
    private readonly Dictionary<int, MapFacts?> _culprits = [];
    private readonly Dictionary<(int Dump, int Party), MapFacts?> _parties = [];

    private CrashSourceFacts(Func<string, string> path) => Path = path;

    public Func<string, string> Path { get; }

    public static CrashSourceFacts Build(CrashLog log, CrashJoin join, Func<string, string> path)
    {
        var facts = new CrashSourceFacts(path);
        foreach (var d in log.Dumps)
        {
            if (!CrashMessages.IsMapCrash(d.Kind)) continue;
            if (d.Culprit is { } c) facts._culprits[d.Index] = join.AtCulprit(c.File, c.Line, c.Function, d.Kind);
            for (int i = 0; i < d.OtherParties.Count; i++)
            {
                var f = d.OtherParties[i].Frame;
                facts._parties[(d.Index, i)] = join.AtFrame(f.File, f.Line, f.Function);
            }
        }
        return facts;
    }

    /// <summary>True when the dump's culprit was looked up (a map crash with a culprit).</summary>
    public bool Looked(CrashDump d) => _culprits.ContainsKey(d.Index);

    public MapFacts? Culprit(CrashDump d) => _culprits.GetValueOrDefault(d.Index);

    public MapFacts? Party(CrashDump d, int index) => _parties.GetValueOrDefault((d.Index, index));
}
