using System.Text.Json;
using MapScope.Evidence.Escape;
using MapScope.Reports.Escape;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.Escape;

public class EscapeReportTests
{
    private static EscapeLog M2()
    {
        using var f = File.OpenRead(RepoPaths.Combine("tests", "fixtures", "escape", "maps", "m2.log"));
        return EscapeTextReader.Read(f);
    }

    private static string Display(string p) => p.StartsWith("./") ? p[2..] : p;

    [Fact]
    public void TextUsesPathLineColumnMessageId()
    {
        var w = new StringWriter();
        EscapeTextReport.Write(M2(), "m2.log", Display, w);
        var lines = w.ToString().Split('\n');
        Assert.Contains("main.go:20:17: make(map[string]int) is on the heap: assigned to a package-level variable (assigned-to-global)", lines);
        Assert.Contains(lines, l => l.StartsWith("map cache") && l.Contains("2 thing(s)"));
    }

    [Fact]
    public void JsonListsMapsLeaksAndStackMaps()
    {
        var log = M2();
        var buffer = new MemoryStream();
        EscapeJsonReport.Write(log, "m2.log", Display, buffer);
        using var doc = JsonDocument.Parse(buffer.ToArray());
        var root = doc.RootElement;
        Assert.Equal(log.Maps.Count, root.GetProperty("maps").GetArrayLength());
        Assert.Equal(log.Leaks.Count, root.GetProperty("leaks").GetArrayLength());
        var reasons = root.GetProperty("maps").EnumerateArray().Select(m => m.GetProperty("reason").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "assigned-to-global", "returned", "captured-by-closure", "stored-in-map" }, reasons);
        Assert.Equal("main.go", root.GetProperty("stackMaps")[0].GetProperty("position").GetProperty("file").GetString());
    }
}
