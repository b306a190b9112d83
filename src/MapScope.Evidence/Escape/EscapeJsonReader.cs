using System.Text.Json;
using MapScope.Evidence.Lines;

namespace MapScope.Evidence.Escape;

/// <summary>
/// Reads go build -gcflags=-json=0,DIR output: per source file a header line then one LSP-style
/// diagnostic per line, with -m=2-like "escflow:" steps in relatedInformation. Go 1.19 writes 1-based
/// lines and columns here, the same numbers as the text form.
/// </summary>
public sealed class EscapeJsonReader
{
    private readonly EscapeCollector _collector = new();
    private long _total, _diagnostics, _unknown, _overlong, _files;

    /// <summary>Reads every *.json file under <paramref name="directory"/>, in a stable order.</summary>
    public static EscapeLog ReadDirectory(string directory)
    {
        var reader = new EscapeJsonReader();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            reader.AcceptFile(stream);
        }
        return reader.Finish();
    }

    public static EscapeLog Read(Stream input)
    {
        var reader = new EscapeJsonReader();
        reader.AcceptFile(input);
        return reader.Finish();
    }

    public void AcceptFile(Stream input)
    {
        _files++;
        string package = "", file = "";
        var lines = new LineReader(input);
        while (lines.TryReadLine(out var line))
        {
            _total++;
            if (line.IsEmpty) continue;
            try
            {
                using var doc = JsonDocument.Parse(line.ToArray());
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object) { _unknown++; continue; }
                if (root.TryGetProperty("version", out _))
                {
                    package = Str(root, "package");
                    file = Str(root, "file");
                    continue;
                }
                if (!root.TryGetProperty("range", out var range) || !TryPosition(range, file, out var position)) { _unknown++; continue; }
                Accept(package, position, Str(root, "message"), root);
                _diagnostics++;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // InvalidOperationException: well-formed JSON of the wrong shape (a string where a line number
                // belongs) or a string that is not UTF-8 (found by fuzzing); the line is not a diagnostic.
                _unknown++;
            }
        }
        _overlong += lines.OverlongLines;
    }

    private void Accept(string package, SourcePosition position, string message, JsonElement root)
    {
        if (message.Length == 0) return;
        if (!root.TryGetProperty("relatedInformation", out var related) || related.ValueKind != JsonValueKind.Array)
        {
            _collector.AddStatement(package, position, message);
            return;
        }
        var explanation = new EscapeExplanation(package, position, message);
        string destination = "";
        SourcePosition? origin = null;
        bool first = true;
        foreach (var info in related.EnumerateArray())
        {
            var text = Str(info, "message");
            // An "inlineLoc" before any flow step is where the diagnostic's own expression came from: it is an
            // inlined copy of that origin (the innermost, when several are chained). Later ones locate flow steps.
            if (text == "inlineLoc")
            {
                if (first && origin is null && info.TryGetProperty("location", out var loc0) && TryLocation(loc0, out var o)) origin = o;
                continue;
            }
            first = false;
            if (!text.StartsWith("escflow:", StringComparison.Ordinal)) continue;
            text = text["escflow:".Length..];
            if (EscapeMessages.TryParseFlow(text, out var d)) destination = d;
            else if (EscapeMessages.TryParseFrom(text, out var expression, out var reason, out _))
            {
                SourcePosition? at = info.TryGetProperty("location", out var loc) && TryLocation(loc, out var p) ? p : null;
                explanation.Steps.Add(new FlowStep(destination, expression, reason, at));
            }
        }
        _collector.AddExplanation(explanation, origin);
        _collector.AddStatement(package, position, message, origin);
    }

    public EscapeLog Finish()
    {
        var (maps, leaks, stack) = _collector.Build();
        return new EscapeLog(maps, leaks, stack, new EscapeLineCounts(_total, _diagnostics, _unknown, _overlong, _files));
    }

    private static bool TryLocation(JsonElement location, out SourcePosition position)
    {
        position = default;
        var uri = Str(location, "uri");
        var file = uri.StartsWith("file://", StringComparison.Ordinal) ? Uri.UnescapeDataString(uri["file://".Length..]) : uri;
        return location.TryGetProperty("range", out var range) && TryPosition(range, file, out position);
    }

    private static bool TryPosition(JsonElement range, string file, out SourcePosition position)
    {
        position = default;
        if (range.ValueKind != JsonValueKind.Object || !range.TryGetProperty("start", out var start) || start.ValueKind != JsonValueKind.Object) return false;
        if (!start.TryGetProperty("line", out var l) || !l.TryGetInt32(out int line)) return false;
        if (!start.TryGetProperty("character", out var c) || !c.TryGetInt32(out int col)) return false;
        position = new SourcePosition(file, line, col);
        return true;
    }

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}
