using System.Text.Encodings.Web;
using System.Text.Json;
using MapScope.Analysis.Framework;
using MapScope.Analysis.Lint;

namespace MapScope.Reports.Lint;

/// <summary>The JSON lint report, schema <c>mapscope.lint/1</c>, documented in docs/lint-json.md.</summary>
public static class LintJsonReport
{
    public const string Schema = "mapscope.lint/1";

    public static void Write(LintResult result, Stream output)
    {
        // Relaxed escaping keeps non-ASCII readable; quotes, backslashes and control characters are still escaped.
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteNumber("packages", result.Packages);
        w.WriteStartArray("rules");
        foreach (var r in result.Rules)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Analyzer.Id);
            w.WriteString("title", r.Analyzer.Title);
            w.WriteString("severity", r.Severity.Name());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var d in result.Diagnostics) Diagnostic(w, d);
        w.WriteEndArray();
        Strings(w, "loadErrors", result.LoadErrors);
        Strings(w, "warnings", result.Warnings);
        w.WriteStartArray("internalErrors");
        foreach (var e in result.InternalErrors)
        {
            w.WriteStartObject();
            w.WriteString("rule", e.RuleId);
            w.WriteString("package", e.Package);
            w.WriteString("message", e.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Diagnostic(Utf8JsonWriter w, Diagnostic d)
    {
        w.WriteStartObject();
        w.WriteString("rule", d.RuleId);
        w.WriteString("severity", d.Severity.Name());
        w.WriteString("file", d.File);
        w.WriteNumber("line", d.Line);
        w.WriteNumber("column", d.Column);
        if (d.EndLine > 0)
        {
            w.WriteNumber("endLine", d.EndLine);
            w.WriteNumber("endColumn", d.EndColumn);
        }
        if (d.Offset >= 0)
        {
            w.WriteNumber("offset", d.Offset);
            w.WriteNumber("endOffset", d.EndOffset);
        }
        w.WriteString("message", d.Message);
        w.WriteStartArray("fixes");
        foreach (var f in d.Fixes)
        {
            w.WriteStartObject();
            w.WriteString("message", f.Message);
            w.WriteStartArray("edits");
            foreach (var e in f.Edits)
            {
                w.WriteStartObject();
                w.WriteString("file", e.File);
                w.WriteNumber("start", e.Start);
                w.WriteNumber("end", e.End);
                w.WriteString("newText", e.NewText);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("related");
        foreach (var r in d.Related)
        {
            w.WriteStartObject();
            w.WriteString("file", r.File);
            w.WriteNumber("line", r.Line);
            w.WriteNumber("column", r.Column);
            w.WriteString("message", r.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
