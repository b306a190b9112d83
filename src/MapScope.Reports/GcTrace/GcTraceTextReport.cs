using System.Globalization;
using MapScope.Evidence.GcTrace;

namespace MapScope.Reports.GcTrace;

/// <summary>The plain-text gctrace report: verdict first, then the numbers behind it.</summary>
public static class GcTraceTextReport
{
    public static void Write(GcTraceSummary s, string input, TextWriter w)
    {
        var c = CultureInfo.InvariantCulture;
        var t = s.Trend;
        w.WriteLine(string.Format(c, "{0}: {1}", input, Headline(s)));
        w.WriteLine(string.Format(c, "  why: {0}", t.Reason));
        if (s.Cycles > 0)
        {
            w.WriteLine(string.Format(c, "  live heap trend (later half, from {0:0.###} s): {1:+0.##;-0.##;0} MB/min, 95% CI [{2:0.##}, {3:0.##}], R² {4:0.###}, {5} GCs",
                t.LaterHalfFromSeconds, t.MBPerMinute, t.MBPerMinuteLow95, t.MBPerMinuteHigh95, t.LaterHalf.RSquared, t.LaterHalf.Points));
            w.WriteLine(string.Format(c, "  live heap trend (whole run):              {0:+0.##;-0.##;0} MB/min, R² {1:0.###}", t.Whole.Slope * 60, t.Whole.RSquared));
            w.WriteLine(string.Format(c, "  GCs: {0} over {1:0.###} s ({2:0.#}/min), {3} forced; {4}% of CPU in GC; {5} P", s.Cycles, s.DurationSeconds, s.CyclesPerMinute, s.ForcedCycles, s.CpuPercent, s.Procs));
            w.WriteLine(string.Format(c, "  live heap: last {0} MB, max {1} MB; heap goal: last {2} MB, max {3} MB", s.LastLiveMB, s.MaxLiveMB, s.LastGoalMB, s.MaxGoalMB));
            w.WriteLine("  stop-the-world pauses (ms)     p50      p90      p99      max");
            Pauses(w, "sweep termination", s.SweepTermination);
            Pauses(w, "mark termination", s.MarkTermination);
            Pauses(w, "total per GC", s.StopTheWorld);
        }
        var l = s.Lines;
        w.WriteLine(string.Format(c, "  lines: {0} total, {1} GC, {2} scavenger, {8}{3} pre-Go 1.5 (skipped), {4} malformed, {5} other{6}{7}",
            l.Total, l.Cycles, l.Scavenger, l.Legacy, l.Malformed, l.Unknown,
            l.Overlong > 0 ? string.Format(c, ", {0} cut at 64 KiB", l.Overlong) : "",
            s.Runs > 1 ? string.Format(c, "; {0} process runs, the last one analyzed", s.Runs) : "",
            l.Pacer > 0 ? string.Format(c, "{0} pacer, ", l.Pacer) : ""));
        if (s.SourcesWithCycles > 1)
            w.WriteLine(string.Format(c, "  {0} processes printed GC lines (interleaved log); analyzed: {1}", s.SourcesWithCycles, s.Source));
        else if (s.Source is { } source) w.WriteLine(string.Format(c, "  process: {0}", source));
    }

    public static string Headline(GcTraceSummary s) => s.Trend.Verdict switch
    {
        HeapVerdict.Growing => string.Format(CultureInfo.InvariantCulture, "growing (likely leak): live heap +{0:0.##} MB/min", s.Trend.MBPerMinute),
        HeapVerdict.Steady => string.Format(CultureInfo.InvariantCulture, "steady: live heap {0:0.#} MB", s.Trend.MeanLiveMBLaterHalf),
        _ => "not enough data",
    };

    private static void Pauses(TextWriter w, string name, PauseHistogram h) =>
        w.WriteLine(string.Format(CultureInfo.InvariantCulture, "    {0,-26}{1,9:0.###}{2,9:0.###}{3,9:0.###}{4,9:0.###}", name, h.Percentile(50), h.Percentile(90), h.Percentile(99), h.MaxMs));
}
