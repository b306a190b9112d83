using System.Text.Json;

namespace MapScope.Cli.Tests.Lint;

/// <summary>
/// The SARIF 2.1.0 requirements we rely on, checked by hand (the official schema is not available offline):
/// the top-level version and runs, tool.driver with a name and rules with ids and descriptions, and results
/// whose ruleId/ruleIndex point into the rules, with a valid level, a message text and 1-based regions.
/// Returns the violations as readable strings.
/// </summary>
internal static class SarifStructure
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];

    public static List<string> Problems(JsonElement sarif)
    {
        List<string> p = [];
        if (Str(sarif, "version") != "2.1.0") p.Add("version must be \"2.1.0\"");
        if (Str(sarif, "$schema") is not { } schema || !schema.Contains("sarif-2.1.0")) p.Add("$schema should name the 2.1.0 schema");
        if (!sarif.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array || runs.GetArrayLength() == 0)
        {
            p.Add("runs must be a non-empty array");
            return p;
        }
        foreach (var run in runs.EnumerateArray())
        {
            if (!run.TryGetProperty("tool", out var tool) || !tool.TryGetProperty("driver", out var driver))
            {
                p.Add("run.tool.driver is required");
                continue;
            }
            if (Str(driver, "name") is not { Length: > 0 }) p.Add("tool.driver.name is required");
            var ruleIds = new List<string>();
            if (driver.TryGetProperty("rules", out var rules))
            {
                foreach (var r in rules.EnumerateArray())
                {
                    var id = Str(r, "id");
                    if (id is not { Length: > 0 }) p.Add("rule without id");
                    ruleIds.Add(id ?? "");
                    if (!r.TryGetProperty("shortDescription", out var sd) || Str(sd, "text") is null) p.Add($"rule {id}: shortDescription.text");
                    if (r.TryGetProperty("fullDescription", out var fd) && Str(fd, "text") is null) p.Add($"rule {id}: fullDescription.text");
                    if (r.TryGetProperty("help", out var help) && Str(help, "text") is null) p.Add($"rule {id}: help needs text (markdown is optional)");
                    if (r.TryGetProperty("defaultConfiguration", out var dc) && !Levels.Contains(Str(dc, "level"))) p.Add($"rule {id}: defaultConfiguration.level");
                    if (Str(r, "helpUri") is { } uri && !Uri.TryCreate(uri, UriKind.RelativeOrAbsolute, out _)) p.Add($"rule {id}: helpUri is not a URI");
                }
            }
            if (!run.TryGetProperty("results", out var results)) continue;
            int n = 0;
            foreach (var res in results.EnumerateArray())
            {
                var where = $"results[{n++}]";
                var ruleId = Str(res, "ruleId");
                if (ruleId is null || !ruleIds.Contains(ruleId)) p.Add($"{where}: ruleId {ruleId} not among the driver's rules");
                if (res.TryGetProperty("ruleIndex", out var ri) && (ri.GetInt32() >= ruleIds.Count || ruleIds[ri.GetInt32()] != ruleId)) p.Add($"{where}: ruleIndex does not point at {ruleId}");
                if (res.TryGetProperty("level", out var level) && !Levels.Contains(level.GetString())) p.Add($"{where}: level {level}");
                if (!res.TryGetProperty("message", out var msg) || Str(msg, "text") is null) p.Add($"{where}: message.text is required");
                if (!res.TryGetProperty("locations", out var locs) || locs.GetArrayLength() == 0) { p.Add($"{where}: locations"); continue; }
                foreach (var loc in locs.EnumerateArray())
                {
                    if (!loc.TryGetProperty("physicalLocation", out var pl)) { p.Add($"{where}: physicalLocation"); continue; }
                    Artifact(pl, where, p);
                    if (!pl.TryGetProperty("region", out var region)) { p.Add($"{where}: region"); continue; }
                    int startLine = Int(region, "startLine"), startCol = Int(region, "startColumn");
                    if (startLine < 1 || startCol < 1) p.Add($"{where}: region start must be 1-based");
                    if (region.TryGetProperty("endLine", out _) && (Int(region, "endLine") < startLine || (Int(region, "endLine") == startLine && Int(region, "endColumn") < startCol)))
                        p.Add($"{where}: region ends before it starts");
                }
                if (res.TryGetProperty("fixes", out var fixes))
                {
                    foreach (var fix in fixes.EnumerateArray())
                    {
                        if (!fix.TryGetProperty("artifactChanges", out var changes) || changes.GetArrayLength() == 0) { p.Add($"{where}: fix without artifactChanges"); continue; }
                        foreach (var ch in changes.EnumerateArray())
                        {
                            Artifact(ch, where + " fix", p);
                            if (!ch.TryGetProperty("replacements", out var reps) || reps.GetArrayLength() == 0) p.Add($"{where}: artifactChange without replacements");
                            else foreach (var rep in reps.EnumerateArray())
                                if (!rep.TryGetProperty("deletedRegion", out _)) p.Add($"{where}: replacement without deletedRegion");
                        }
                    }
                }
            }
        }
        return p;
    }

    private static void Artifact(JsonElement owner, string where, List<string> p)
    {
        if (!owner.TryGetProperty("artifactLocation", out var al) || Str(al, "uri") is not { } uri) { p.Add($"{where}: artifactLocation.uri"); return; }
        if (!Uri.TryCreate(uri, UriKind.RelativeOrAbsolute, out _) || uri.Contains(' ') || uri.Contains('\\')) p.Add($"{where}: artifactLocation.uri {uri} is not a valid URI reference");
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
}
