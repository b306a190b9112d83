using System.Text.Json;
using MapScope.Evidence.Escape;
using MapScope.Reports.Source;

namespace MapScope.Reports.Escape;

/// <summary>The JSON escape report; the schema is documented in docs/evidence-json.md.</summary>
public static class EscapeJsonReport
{
    public const string Schema = "mapscope.escape/1";

    public static void Write(EscapeLog log, string input, Func<string, string> displayPath, Stream output, EscapeSourceFacts? source = null)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("input", input);
        w.WriteStartArray("maps");
        foreach (var m in log.Maps)
        {
            w.WriteStartObject();
            w.WriteString("package", m.Package);
            Position(w, "position", m.Position, displayPath);
            w.WriteString("expression", m.Expression);
            w.WriteString("reason", EscapeDescriptions.Id(m.Reason));
            if (m.DecidingStep is { } s)
            {
                w.WritePropertyName("because");
                Step(w, s, displayPath);
            }
            w.WriteStartArray("flow");
            foreach (var step in m.Flow) Step(w, step, displayPath);
            w.WriteEndArray();
            w.WriteStartArray("inlinedCopies");
            foreach (var copy in m.Copies)
            {
                w.WriteStartObject();
                Position(w, "callSite", copy.CallSite, displayPath);
                w.WriteBoolean("escapes", copy.Escapes);
                if (copy.Escapes) w.WriteString("reason", EscapeDescriptions.Id(copy.Reason));
                if (copy.DecidingStep is { } cs)
                {
                    w.WritePropertyName("because");
                    Step(w, cs, displayPath);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (source is not null) Source(w, source.Map(m), source);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("leaks");
        foreach (var l in source?.Leaks ?? log.Leaks)
        {
            w.WriteStartObject();
            w.WriteString("package", l.Package);
            Position(w, "position", l.Position, displayPath);
            w.WriteString("what", l.What);
            w.WriteString("kind", EscapeDescriptions.Id(l.Kind));
            w.WriteString("map", l.MapExpression);
            w.WriteString("operation", l.Operation);
            if (l.At is { } at) Position(w, "at", at, displayPath);
            if (source is not null) Source(w, source.Leak(l), source);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("stackMaps");
        foreach (var s in log.StackMaps)
        {
            w.WriteStartObject();
            w.WriteString("package", s.Package);
            Position(w, "position", s.Position, displayPath);
            w.WriteString("expression", s.Expression);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (source is not null) w.WriteNumber("droppedIndexedStores", source.DroppedIndexedStores);
        w.WriteStartObject("lines");
        w.WriteNumber("total", log.Lines.Total);
        w.WriteNumber("diagnostics", log.Lines.Diagnostics);
        w.WriteNumber("unknown", log.Lines.Unknown);
        w.WriteNumber("overlong", log.Lines.Overlong);
        w.WriteNumber("files", log.Lines.Files);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Source(Utf8JsonWriter w, Attribution.Joins.MapFacts? facts, EscapeSourceFacts source)
    {
        if (facts is null) w.WriteNull("source");
        else MapFactsJson.Write(w, "source", facts, source.Path);
    }

    private static void Step(Utf8JsonWriter w, FlowStep s, Func<string, string> displayPath)
    {
        w.WriteStartObject();
        w.WriteString("destination", s.Destination);
        w.WriteString("expression", s.Expression);
        w.WriteString("reason", s.Reason);
        if (s.At is { } at) Position(w, "at", at, displayPath);
        w.WriteEndObject();
    }

    private static void Position(Utf8JsonWriter w, string name, SourcePosition p, Func<string, string> displayPath)
    {
        w.WriteStartObject(name);
        w.WriteString("file", displayPath(p.File));
        w.WriteNumber("line", p.Line);
        w.WriteNumber("column", p.Column);
        w.WriteEndObject();
    }
}
