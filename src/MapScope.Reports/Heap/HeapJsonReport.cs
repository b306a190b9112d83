using System.Text.Encodings.Web;
using System.Text.Json;
using MapScope.Evidence.Pprof;

namespace MapScope.Reports.Heap;

/// <summary>The JSON heap report; the schema is documented in docs/heap-json.md and versioned by "schema".</summary>
public static class HeapJsonReport
{
    public const string Schema = "mapscope.heap/v1";

    public static void Write(HeapReport r, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Default });
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("profile", r.ProfileName);
        if (r.BaseName is null) w.WriteNull("base"); else w.WriteString("base", r.BaseName);
        w.WriteString("sampleType", r.SampleType);
        w.WriteString("unit", r.Unit);
        if (r.ObjectsType is null) w.WriteNull("objectsType"); else w.WriteString("objectsType", r.ObjectsType);
        w.WriteNumber("total", r.Total);
        Nullable(w, "baseTotal", r.BaseTotal);
        Nullable(w, "delta", r.Delta);
        w.WriteBoolean("attributed", r.Attributed);
        if (r.Note is null) w.WriteNull("note"); else w.WriteString("note", r.Note);

        w.WriteStartArray("maps");
        foreach (var m in r.Maps)
        {
            w.WriteStartObject();
            w.WriteString("map", m.Map);
            w.WriteString("owner", OwnerName(m.Owner));
            w.WriteNumber("value", m.Value);
            Nullable(w, "baseValue", m.BaseValue);
            Nullable(w, "delta", m.Delta);
            w.WriteStartArray("sites");
            foreach (var s in m.Sites) WriteSite(w, s);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("sites");
        foreach (var s in r.Sites) WriteSite(w, s);
        w.WriteEndArray();
        w.WriteNumber("omittedSites", r.OmittedSites);
        w.WriteEndObject();
    }

    private static void WriteSite(Utf8JsonWriter w, HeapSite s)
    {
        w.WriteStartObject();
        w.WriteString("function", s.Function);
        w.WriteString("file", s.File);
        w.WriteNumber("line", s.Line);
        w.WriteNumber("value", s.Value);
        w.WriteNumber("objects", s.Objects);
        Nullable(w, "baseValue", s.BaseValue);
        Nullable(w, "baseObjects", s.BaseObjects);
        Nullable(w, "delta", s.Delta);
        w.WriteStartArray("blockSizes");
        foreach (var b in s.BlockSizes)
        {
            w.WriteStartObject();
            w.WriteNumber("size", b.Size);
            w.WriteNumber("value", b.Value);
            w.WriteNumber("objects", b.Objects);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (s.Attribution is not { } a) w.WriteNull("attribution");
        else
        {
            w.WriteStartObject("attribution");
            w.WriteString("operation", OperationName(a.Operation));
            Nullable(w, "mapStorage", s.MapStorage);
            if (a.Map is null) w.WriteNull("map"); else w.WriteString("map", a.Map);
            w.WriteString("owner", OwnerName(a.Owner));
            w.WriteString("sourcePath", a.SourcePath);
            w.WriteNumber("line", a.Line);
            if (a.Snippet is null) w.WriteNull("snippet"); else w.WriteString("snippet", a.Snippet);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, long? v)
    {
        if (v is { } x) w.WriteNumber(name, x); else w.WriteNull(name);
    }

    public static string OperationName(MapOperation op) => op switch
    {
        MapOperation.MakeMap => "makeMap",
        MapOperation.MapLiteral => "mapLiteral",
        MapOperation.Insert => "insert",
        MapOperation.ValueStored => "valueStored",
        MapOperation.MapsClone => "mapsClone",
        _ => "none",
    };

    public static string OwnerName(MapOwnerKind owner) => owner switch
    {
        MapOwnerKind.PackageVariable => "packageVariable",
        MapOwnerKind.Field => "field",
        MapOwnerKind.Local => "local",
        _ => "unknown",
    };
}
