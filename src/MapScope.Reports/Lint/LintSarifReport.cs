using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MapScope.Analysis.Framework;
using MapScope.Analysis.Lint;

namespace MapScope.Reports.Lint;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run whose driver lists the rules that ran
/// (with help text and Markdown from the rule metadata), one result per finding with its region and fixes.
/// Relative paths are relative to %SRCROOT%, the working directory of the run. Columns are converted from
/// Go's byte columns to UTF-16 code units (SARIF's default columnKind).
/// </summary>
public static class LintSarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SrcRoot = "%SRCROOT%";

    /// <summary>The project's home (SARIF's informationUri); the rule pages are docs/rules/ID.md in it.</summary>
    public const string ProjectUrl = "https://github.com/mapscope/mapscope";

    /// <summary>Where --docs-url points by default: the rule pages of the main branch.</summary>
    public const string DefaultDocsUrl = ProjectUrl + "/blob/main/docs/rules";

    /// <param name="docsBase">absolute URL of the folder of rule pages (helpUri = docsBase/ID.md); code scanning
    /// shows helpUri as a link, and a relative one resolves nowhere</param>
    public static void Write(LintResult result, string toolVersion, string workingDirectory, Stream output, string docsBase = DefaultDocsUrl)
    {
        var rules = RuleTable(result);
        var index = rules.Select((r, i) => (r.Info.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var columns = new Utf16Columns(workingDirectory);

        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "mapscope");
        w.WriteString("version", toolVersion);
        w.WriteString("semanticVersion", toolVersion);
        w.WriteString("informationUri", ProjectUrl);
        w.WriteStartArray("rules");
        foreach (var (info, severity) in rules) Rule(w, info, severity, docsBase);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SrcRoot);
        w.WriteString("uri", DirectoryUri(workingDirectory));
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", result.LoadErrors.Count == 0 && result.InternalErrors.Count == 0);
        w.WriteStartArray("toolExecutionNotifications");
        foreach (var e in result.LoadErrors) Notification(w, "error", e);
        foreach (var e in result.InternalErrors) Notification(w, "error", e.ToString());
        foreach (var e in result.Warnings) Notification(w, "warning", e);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteStartArray("results");
        foreach (var d in result.Diagnostics) Result(w, d, index[d.RuleId], columns);
        w.WriteEndArray();

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The rules that ran, then any other rule id that appears in the results (built-in findings).</summary>
    private static List<(RuleInfo Info, Severity Severity)> RuleTable(LintResult result)
    {
        var analyzers = result.Rules.Select(r => r.Analyzer).ToList();
        List<(RuleInfo, Severity)> rules = [.. result.Rules.Select(r => (RuleInfo.Of(r.Analyzer), r.Severity))];
        foreach (var id in result.Diagnostics.Select(d => d.RuleId).Distinct().Where(id => !result.Rules.Any(r => r.Analyzer.Id == id)).Order(StringComparer.Ordinal))
        {
            var info = RuleInfo.For(id, analyzers);
            rules.Add((info, info.DefaultSeverity));
        }
        return rules;
    }

    private static void Rule(Utf8JsonWriter w, RuleInfo r, Severity severity, string docsBase)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("name", Pascal(r.Id));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", r.Title);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", r.Doc.Trim().Length > 0 ? r.Doc.Trim() : r.Title);
        w.WriteEndObject();
        w.WriteStartObject("help");
        w.WriteString("text", HelpText(r));
        w.WriteString("markdown", RuleDocs.Page(r));
        w.WriteEndObject();
        w.WriteString("helpUri", $"{docsBase.TrimEnd('/')}/{Uri.EscapeDataString(r.Id)}.md");
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(severity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStartArray("tags");
        w.WriteStringValue("go");
        w.WriteStringValue("maps");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Result(Utf8JsonWriter w, Diagnostic d, int ruleIndex, Utf16Columns columns)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", d.RuleId);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", Level(d.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", d.Message);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        ArtifactLocation(w, d.File);
        w.WriteStartObject("region");
        w.WriteNumber("startLine", d.Line);
        w.WriteNumber("startColumn", columns.Convert(d.File, d.Line, d.Column));
        if (d.EndLine > 0)
        {
            w.WriteNumber("endLine", d.EndLine);
            w.WriteNumber("endColumn", columns.Convert(d.File, d.EndLine, d.EndColumn));
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        if (d.Related.Count > 0)
        {
            w.WriteStartArray("relatedLocations");
            int id = 1;
            foreach (var r in d.Related)
            {
                w.WriteStartObject();
                w.WriteNumber("id", id++);
                w.WriteStartObject("message");
                w.WriteString("text", r.Message);
                w.WriteEndObject();
                w.WriteStartObject("physicalLocation");
                ArtifactLocation(w, r.File);
                w.WriteStartObject("region");
                w.WriteNumber("startLine", r.Line);
                w.WriteNumber("startColumn", columns.Convert(r.File, r.Line, r.Column));
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (d.Fixes.Count > 0)
        {
            w.WriteStartArray("fixes");
            foreach (var f in d.Fixes)
            {
                w.WriteStartObject();
                w.WriteStartObject("description");
                w.WriteString("text", f.Message);
                w.WriteEndObject();
                w.WriteStartArray("artifactChanges");
                foreach (var file in f.Edits.GroupBy(e => e.File))
                {
                    w.WriteStartObject();
                    ArtifactLocation(w, file.Key);
                    w.WriteStartArray("replacements");
                    foreach (var e in file)
                    {
                        w.WriteStartObject();
                        // Go positions are byte offsets; SARIF regions may be given in bytes.
                        w.WriteStartObject("deletedRegion");
                        w.WriteNumber("byteOffset", e.Start);
                        w.WriteNumber("byteLength", e.End - e.Start);
                        w.WriteEndObject();
                        w.WriteStartObject("insertedContent");
                        w.WriteString("text", e.NewText);
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void ArtifactLocation(Utf8JsonWriter w, string file)
    {
        w.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(file))
        {
            w.WriteString("uri", new Uri(file).AbsoluteUri);
        }
        else
        {
            w.WriteString("uri", RelativeUri(file));
            w.WriteString("uriBaseId", SrcRoot);
        }
        w.WriteEndObject();
    }

    private static void Notification(Utf8JsonWriter w, string level, string message)
    {
        w.WriteStartObject();
        w.WriteString("level", level);
        w.WriteStartObject("message");
        w.WriteString("text", message);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>"a b/c.go" -> "a%20b/c.go": each segment escaped, slashes kept.</summary>
    internal static string RelativeUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static string DirectoryUri(string dir)
    {
        var uri = new Uri(Path.GetFullPath(dir)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    private static string Level(Severity s) => s switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };

    private static string HelpText(RuleInfo r)
    {
        var sb = new StringBuilder(r.Title.Trim());
        if (r.Doc.Trim().Length > 0) sb.Append("\n\n").Append(r.Doc.Trim());
        if (r.BadExample.Trim().Length > 0) sb.Append("\n\nBad:\n\n").Append(r.BadExample.Trim('\n').TrimEnd());
        if (r.GoodExample.Trim().Length > 0) sb.Append("\n\nGood:\n\n").Append(r.GoodExample.Trim('\n').TrimEnd());
        sb.Append($"\n\nSuppress one finding with //mapscope:ignore {r.Id} reason, on its line or the line above.");
        return sb.ToString();
    }

    /// <summary>"nil-map-write" -> "NilMapWrite" (SARIF's rule name is an identifier).</summary>
    private static string Pascal(string id) =>
        string.Concat(id.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
