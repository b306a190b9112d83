using System.Text.Json;
using MapScope.Evidence.Crash;
using MapScope.Reports.Source;

namespace MapScope.Reports.Crash;

/// <summary>The JSON crash report; the schema is documented in docs/evidence-json.md.</summary>
public static class CrashJsonReport
{
    public const string Schema = "mapscope.crash/1";

    public static void Write(CrashLog log, string input, Stream output, CrashSourceFacts? source = null)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("input", input);
        w.WriteStartArray("dumps");
        foreach (var d in log.Dumps)
        {
            w.WriteStartObject();
            w.WriteNumber("index", d.Index);
            w.WriteNumber("firstLine", d.FirstLine);
            w.WriteString("kind", CrashDescriptions.Id(d.Kind));
            w.WriteBoolean("mapCrash", CrashMessages.IsMapCrash(d.Kind));
            if (d.Message is { } m) w.WriteString("message", m);
            Strings(w, "messages", d.Messages);
            Strings(w, "details", d.Details);
            if (d.UnhashableType is { } t) w.WriteString("unhashableType", t);
            if (d.Crashing is { } g) w.WriteNumber("crashingGoroutine", g.Id);
            if (d.Culprit is { } c)
            {
                w.WritePropertyName("culprit");
                Frame(w, c);
            }
            if (d.LibraryCall is { } lib)
            {
                w.WritePropertyName("libraryCall");
                Frame(w, lib);
            }
            if (d.Operation is { } op) w.WriteString("operation", op);
            if (d.Source is { } src) w.WriteString("source", src);
            if (source is not null && source.Looked(d))
            {
                if (source.Culprit(d) is { } facts) MapFactsJson.Write(w, "culpritSource", facts, source.Path);
                else w.WriteNull("culpritSource");
            }
            w.WriteStartArray("otherParties");
            for (int i = 0; i < d.OtherParties.Count; i++)
            {
                var p = d.OtherParties[i];
                w.WriteStartObject();
                w.WriteNumber("goroutine", p.GoroutineId);
                w.WriteString("state", p.State);
                w.WritePropertyName("frame");
                Frame(w, p.Frame);
                if (source?.Party(d, i) is { } pf) MapFactsJson.Write(w, "source", pf, source.Path);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("goroutines", d.GoroutineCount);
            w.WriteNumber("ungroupedGoroutines", d.UngroupedGoroutines);
            w.WriteBoolean("truncated", d.Truncated);
            w.WriteStartArray("groups");
            foreach (var group in d.Groups) Group(w, group);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("droppedDumps", log.DroppedDumps);
        w.WriteStartObject("lines");
        w.WriteNumber("total", log.Lines.Total);
        w.WriteNumber("unknown", log.Lines.Unknown);
        w.WriteNumber("overlong", log.Lines.Overlong);
        w.WriteNumber("bytes", log.Lines.Bytes);
        w.WriteNumber("prefixed", log.Lines.Prefixed);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Group(Utf8JsonWriter w, StackGroup g)
    {
        var r = g.Representative;
        w.WriteStartObject();
        w.WriteNumber("count", g.Count);
        w.WriteStartArray("ids");
        foreach (var id in g.Ids) w.WriteNumberValue(id);
        w.WriteEndArray();
        w.WriteString("state", r.State);
        w.WriteNumber("minWaitMinutes", g.MinWaitMinutes);
        w.WriteNumber("maxWaitMinutes", g.MaxWaitMinutes);
        w.WriteBoolean("lockedToThread", r.LockedToThread);
        w.WriteStartArray("frames");
        foreach (var f in r.Frames) Frame(w, f);
        w.WriteEndArray();
        w.WriteBoolean("framesElided", r.FramesElided);
        if (r.CreatedBy is { } cb)
        {
            w.WritePropertyName("createdBy");
            Frame(w, cb);
        }
        if (r.CreatorGoroutine is { } creator) w.WriteNumber("creatorGoroutine", creator);
        w.WriteStartArray("ancestors");
        foreach (var a in r.Ancestors)
        {
            w.WriteStartObject();
            w.WriteNumber("goroutine", a.GoroutineId);
            w.WriteStartArray("frames");
            foreach (var f in a.Frames) Frame(w, f);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Frame(Utf8JsonWriter w, Frame f)
    {
        w.WriteStartObject();
        w.WriteString("function", f.Function);
        w.WriteString("file", f.File);
        w.WriteNumber("line", f.Line);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
