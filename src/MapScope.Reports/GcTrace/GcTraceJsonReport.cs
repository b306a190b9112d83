using System.Text.Json;
using MapScope.Evidence.GcTrace;

namespace MapScope.Reports.GcTrace;

/// <summary>The JSON gctrace report; the schema is documented in docs/evidence-json.md.</summary>
public static class GcTraceJsonReport
{
    public const string Schema = "mapscope.gctrace/1";

    public static void Write(GcTraceSummary s, string input, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("input", input);
        if (s.Source is { } source) w.WriteString("source", source);
        if (s.SourcesWithCycles > 1) w.WriteNumber("sourcesWithCycles", s.SourcesWithCycles);
        var t = s.Trend;
        w.WriteStartObject("verdict");
        w.WriteString("kind", t.Verdict switch { HeapVerdict.Growing => "growing", HeapVerdict.Steady => "steady", _ => "not-enough-data" });
        w.WriteString("reason", t.Reason);
        w.WriteNumber("mbPerMinute", Round(t.MBPerMinute));
        w.WriteNumber("mbPerMinuteLow95", Finite(t.MBPerMinuteLow95));
        w.WriteNumber("mbPerMinuteHigh95", Finite(t.MBPerMinuteHigh95));
        w.WriteNumber("rSquared", Round(t.LaterHalf.RSquared));
        w.WriteNumber("fromSeconds", Round(t.LaterHalfFromSeconds));
        w.WriteNumber("cyclesInLaterHalf", t.LaterHalf.Points);
        w.WriteNumber("wholeRunMBPerMinute", Round(t.Whole.Slope * 60));
        w.WriteEndObject();
        w.WriteStartObject("gc");
        w.WriteNumber("cycles", s.Cycles);
        w.WriteNumber("forced", s.ForcedCycles);
        w.WriteNumber("firstSeconds", s.FirstSeconds);
        w.WriteNumber("lastSeconds", s.LastSeconds);
        w.WriteNumber("perMinute", Round(s.CyclesPerMinute));
        w.WriteNumber("cpuPercent", s.CpuPercent);
        w.WriteNumber("procs", s.Procs);
        w.WriteNumber("lastLiveMB", s.LastLiveMB);
        w.WriteNumber("maxLiveMB", s.MaxLiveMB);
        w.WriteNumber("lastGoalMB", s.LastGoalMB);
        w.WriteNumber("maxGoalMB", s.MaxGoalMB);
        w.WriteBoolean("hasStacksAndGlobals", s.HasStacksAndGlobals);
        w.WriteNumber("runs", s.Runs);
        w.WriteEndObject();
        w.WriteStartObject("pausesMs");
        Pauses(w, "sweepTermination", s.SweepTermination);
        Pauses(w, "markTermination", s.MarkTermination);
        Pauses(w, "stopTheWorld", s.StopTheWorld);
        w.WriteEndObject();
        w.WriteStartArray("series");
        foreach (var b in s.Series.Buckets)
        {
            w.WriteStartObject();
            w.WriteNumber("seconds", Round(b.MeanSeconds));
            w.WriteNumber("cycles", b.Cycles);
            w.WriteNumber("liveMB", Round(b.MeanLiveMB));
            w.WriteNumber("minLiveMB", b.MinLiveMB);
            w.WriteNumber("maxLiveMB", b.MaxLiveMB);
            w.WriteNumber("maxGoalMB", b.MaxGoalMB);
            w.WriteNumber("maxPauseMs", Round(b.MaxPauseMs));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        var l = s.Lines;
        w.WriteStartObject("lines");
        w.WriteNumber("total", l.Total);
        w.WriteNumber("gc", l.Cycles);
        w.WriteNumber("scavenger", l.Scavenger);
        w.WriteNumber("pacer", l.Pacer);
        w.WriteNumber("legacy", l.Legacy);
        w.WriteNumber("malformed", l.Malformed);
        w.WriteNumber("blank", l.Blank);
        w.WriteNumber("unknown", l.Unknown);
        w.WriteNumber("overlong", l.Overlong);
        w.WriteNumber("bytes", l.Bytes);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Pauses(Utf8JsonWriter w, string name, PauseHistogram h)
    {
        w.WriteStartObject(name);
        w.WriteNumber("p50", Round(h.Percentile(50)));
        w.WriteNumber("p90", Round(h.Percentile(90)));
        w.WriteNumber("p99", Round(h.Percentile(99)));
        w.WriteNumber("max", Round(h.MaxMs));
        w.WriteEndObject();
    }

    private static double Round(double v) => double.IsFinite(v) ? Math.Round(v, 4) : 0;
    private static double Finite(double v) => double.IsFinite(v) ? Math.Round(v, 4) : 0;
}
