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
    /// <summary>
    /// The group's top frames; when runtime and library frames (gopark, sync, chan) fill them, the ones
    /// before the first application frame are folded into one "…" line so that frame is always shown.
    /// </summary>
    private static void WriteFrames(Goroutine r, int framesPerGroup, TextWriter w)
    {
        int first = 0;
        int app = -1;
        for (int i = 0; i < r.Frames.Count && app < 0; i++)
            if (r.Frames[i].IsApplicationCode) app = i;
        if (app >= framesPerGroup)
        {
            // Keep the library call the application frame made: it says what the goroutine waits in.
            first = app - 1;
            w.WriteLine($"           … {first} runtime and library frames");
        }
        foreach (var f in r.Frames.Skip(first).Take(framesPerGroup)) w.WriteLine($"           {f.Function} {f.File}:{f.Line}");
        if (r.Frames.Count > first + framesPerGroup || r.FramesElided) w.WriteLine("           …");
    }

    public static void Write(CrashLog log, string input, TextWriter w, int framesPerGroup = 6, int groupsPerDump = 20, CrashSourceFacts? source = null)
    {
        if (log.Dumps.Count == 0) w.WriteLine($"{input}: no crash or goroutine dump found");
        foreach (var d in log.Dumps)
        {
            w.WriteLine($"{input}:{d.FirstLine}: dump {d.Index + 1}: {d.Message ?? "goroutine dump"} ({CrashDescriptions.Id(d.Kind)}){(d.Truncated ? " [truncated]" : "")}{(d.Source is { } src ? $" from {src}" : "")}");
            if (d.Culprit is { } c)
            {
                // Joined to --source, the culprit is shown as the source file, relative like the declarations below it.
                var at = source?.Culprit(d) is { } joined ? $"{source.Path(joined.Operation.File)}:{joined.Operation.Line}" : $"{c.File}:{c.Line}";
                string via = d.LibraryCall is { } lib ? $", calling {lib.Function}{(d.Operation is { } op ? $" ({op})" : "")}" : "";
                w.WriteLine($"  culprit: {at}: {c.Function} in goroutine {d.Crashing!.Id} [{d.Crashing.State}]{via}");
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
                WriteFrames(r, framesPerGroup, w);
                if (r.CreatedBy is { } cb) w.WriteLine($"         created by {cb.Function} {cb.File}:{cb.Line}");
            }
            if (d.Groups.Count > groupsPerDump) w.WriteLine($"  … {d.Groups.Count - groupsPerDump} more stacks (use --format json for all)");
        }
        if (log.DroppedDumps > 0) w.WriteLine($"{input}: {log.DroppedDumps} more dumps not kept");
        if (log.Lines.Prefixed > 0) w.WriteLine($"{input}: {log.Lines.Prefixed} lines had a log prefix (timestamps, container or process names) that was stripped");
        w.WriteLine($"{input}: {log.Lines.Total} lines, {log.Lines.Unknown} not part of a dump{(log.Lines.Overlong > 0 ? $", {log.Lines.Overlong} cut at 64 KiB" : "")}");
    }
}
