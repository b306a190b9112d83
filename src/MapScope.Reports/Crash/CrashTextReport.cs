using MapScope.Evidence.Crash;
using MapScope.Reports.Source;

namespace MapScope.Reports.Crash;

/// <summary>
/// The plain-text crash report: per dump the kind, the culprit as "file:line: message (kind)", the
/// likely other party, then goroutine groups (count, state, top frames), panicparse style. With --source
/// facts, the culprit's map, its declaration and its other reads and writes follow the culprit.
/// </summary>
public static class CrashTextReport
{
    public static void Write(CrashLog log, string input, TextWriter w, int framesPerGroup = 6, int groupsPerDump = 20, CrashSourceFacts? source = null)
    {
        if (log.Dumps.Count == 0) w.WriteLine($"{input}: no crash or goroutine dump found");
        foreach (var d in log.Dumps)
        {
            w.WriteLine($"{input}:{d.FirstLine}: dump {d.Index + 1}: {d.Message ?? "goroutine dump"} ({CrashDescriptions.Id(d.Kind)}){(d.Truncated ? " [truncated]" : "")}");
            if (d.Culprit is { } c)
            {
                // Joined to --source, the culprit is shown as the source file, relative like the declarations below it.
                var at = source?.Culprit(d) is { } joined ? $"{source.Path(joined.Operation.File)}:{joined.Operation.Line}" : $"{c.File}:{c.Line}";
                w.WriteLine($"  culprit: {at}: {c.Function} in goroutine {d.Crashing!.Id} [{d.Crashing.State}]");
            }
            if (CrashMessages.IsMapCrash(d.Kind)) w.WriteLine($"  {CrashDescriptions.Explain(d)}");
            if (source is not null && source.Looked(d))
            {
                if (source.Culprit(d) is { } facts) MapFactsText.WriteAccessFacts(facts, source.Path, "  ", w);
                else w.WriteLine("  map: not found in --source (the file is not under it, or the line has no operation on a provable map)");
            }
            for (int i = 0; i < d.OtherParties.Count; i++)
            {
                var p = d.OtherParties[i];
                var map = source?.Party(d, i) is { } pf ? $" ({pf.Operation.OperationId} of {pf.Map?.Name ?? pf.StoredAs})" : "";
                w.WriteLine($"  possible other party: goroutine {p.GoroutineId} [{p.State}] at {p.Frame.File}:{p.Frame.Line} {p.Frame.Function}{map}");
            }
            w.WriteLine($"  {d.GoroutineCount} goroutines in {d.Groups.Count} distinct stacks{(d.UngroupedGoroutines > 0 ? $" (+{d.UngroupedGoroutines} not grouped)" : "")}");
            foreach (var g in d.Groups.Take(groupsPerDump))
            {
                var r = g.Representative;
                string wait = g.MaxWaitMinutes > 0 ? (g.MinWaitMinutes == g.MaxWaitMinutes ? $", {g.MaxWaitMinutes} minutes" : $", {g.MinWaitMinutes}-{g.MaxWaitMinutes} minutes") : "";
                w.WriteLine($"  {g.Count,6} x [{r.State}{wait}{(r.LockedToThread ? ", locked to thread" : "")}] goroutine {string.Join(',', g.Ids)}{(g.Count > g.Ids.Count ? ",…" : "")}");
                foreach (var f in r.Frames.Take(framesPerGroup)) w.WriteLine($"           {f.Function} {f.File}:{f.Line}");
                if (r.Frames.Count > framesPerGroup || r.FramesElided) w.WriteLine("           …");
                if (r.CreatedBy is { } cb) w.WriteLine($"         created by {cb.Function} {cb.File}:{cb.Line}");
            }
            if (d.Groups.Count > groupsPerDump) w.WriteLine($"  … {d.Groups.Count - groupsPerDump} more stacks (use --format json for all)");
        }
        if (log.DroppedDumps > 0) w.WriteLine($"{input}: {log.DroppedDumps} more dumps not kept");
        w.WriteLine($"{input}: {log.Lines.Total} lines, {log.Lines.Unknown} not part of a dump{(log.Lines.Overlong > 0 ? $", {log.Lines.Overlong} cut at 64 KiB" : "")}");
    }
}
