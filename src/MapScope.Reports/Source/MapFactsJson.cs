using System.Text.Json;
using MapScope.Attribution.Joins;

namespace MapScope.Reports.Source;

/// <summary>JSON objects for what --source says about a map (schema in docs/evidence-json.md, "source facts").</summary>
public static class MapFactsJson
{
    public static void Write(Utf8JsonWriter w, string name, MapFacts f, Func<string, string> path)
    {
        w.WriteStartObject(name);
        if (f.Map is { } m)
        {
            w.WriteStartObject("map");
            w.WriteString("name", m.Name);
            w.WriteString("kind", m.KindId);
            w.WriteString("identifier", m.Identifier);
            w.WriteString("type", m.Type);
            if (m.File is not null)
            {
                w.WriteStartObject("declaration");
                w.WriteString("file", path(m.File));
                w.WriteNumber("line", m.Line);
                w.WriteNumber("column", m.Column);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        else w.WriteNull("map");
        if (f.StoredAs is { } s) w.WriteString("storedAs", s);
        w.WritePropertyName("operation");
        Access(w, f.Operation, path);
        w.WriteStartArray("otherAccesses");
        foreach (var a in f.OtherAccesses) Access(w, a, path);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Access(Utf8JsonWriter w, MapAccess a, Func<string, string> path)
    {
        w.WriteStartObject();
        w.WriteString("operation", a.OperationId);
        w.WriteBoolean("write", a.IsWrite);
        w.WriteString("file", path(a.File));
        w.WriteNumber("line", a.Line);
        w.WriteNumber("column", a.Column);
        w.WriteString("function", a.Function);
        if (a.Snippet is { } s) w.WriteString("snippet", s);
        w.WriteStartArray("entryPoints");
        foreach (var e in a.EntryPoints)
        {
            w.WriteStartObject();
            w.WriteString("kind", e.Kind);
            w.WriteString("function", e.Function);
            if (e.File is { } file)
            {
                w.WriteString("file", path(file));
                w.WriteNumber("line", e.Line);
            }
            w.WriteString("description", e.Describe(path));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
