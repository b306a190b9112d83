using Google.Protobuf;
using MapScope.Evidence.Pprof;
using MapScope.Reports.Heap;
using Proto = MapScope.Evidence.Pprof.Proto;

namespace MapScope.Cli.Tests.Heap;

/// <summary>Report building and rendering: attribution through the interface, and HTML escaping.</summary>
public class HeapReportTests
{
    /// <summary>A wire-format heap profile with one sample per (function, file, line, objects, block size).</summary>
    private static Profile Build(params (string Function, string File, long Line, long Objects, long Block)[] sites)
    {
        var m = new Proto.Profile();
        var strings = new Dictionary<string, long>();
        long S(string s)
        {
            if (!strings.TryGetValue(s, out var i)) { i = m.StringTable.Count; m.StringTable.Add(s); strings[s] = i; }
            return i;
        }
        S("");
        foreach (var t in new[] { "alloc_objects", "alloc_space", "inuse_objects", "inuse_space" })
            m.SampleType.Add(new Proto.ValueType { Type = S(t), Unit = S(t.EndsWith("objects") ? "count" : "bytes") });
        ulong id = 0;
        foreach (var (f, file, line, n, block) in sites)
        {
            id++;
            m.Function.Add(new Proto.Function { Id = id, Name = S(f), SystemName = S(f), Filename = S(file) });
            var loc = new Proto.Location { Id = id, Address = id * 16 };
            loc.Line.Add(new Proto.Line { FunctionId = id, Line_ = line });
            m.Location.Add(loc);
            var sample = new Proto.Sample();
            sample.LocationId.Add(id);
            sample.Value.Add([n, n * block, n, n * block]);
            sample.Label.Add(new Proto.Label { Key = S("bytes"), Num = block });
            m.Sample.Add(sample);
        }
        return ProfileReader.Parse(m.ToByteArray());
    }

    /// <summary>Stands in for the attribution layer: a fixed answer per file:line.</summary>
    private sealed class FakeAttributor(Dictionary<(string, int), SiteAttribution> answers) : ISiteAttributor
    {
        public List<(string, int, string)> Calls { get; } = [];

        public SiteAttribution? Attribute(string file, int line, string function)
        {
            Calls.Add((file, line, function));
            return answers.GetValueOrDefault((file, line));
        }
    }

    [Fact]
    public void AttributedSitesAreGroupedIntoMaps()
    {
        var profile = Build(
            ("main.remember", "/src/app/cache.go", 17, 100, 4096),
            ("main.remember", "/src/app/cache.go", 12, 1, 900_000),
            ("main.parse", "/src/app/parse.go", 5, 1000, 64),
            ("main.(*Server).Open", "/src/app/server.go", 27, 10, 2048));
        var attributor = new FakeAttributor(new()
        {
            [("/src/app/cache.go", 17)] = new(MapOperation.ValueStored, "main.cache", MapOwnerKind.PackageVariable, "cache.go", 17, "cache[key] = &entry{}"),
            [("/src/app/cache.go", 12)] = new(MapOperation.MakeMap, "main.cache", MapOwnerKind.PackageVariable, "cache.go", 12, "var cache = make(map[string]*entry)"),
            [("/src/app/server.go", 27)] = new(MapOperation.Insert, "(*main.Server).sessions", MapOwnerKind.Field, "server.go", 27, null),
            [("/src/app/parse.go", 5)] = new(MapOperation.None, null, MapOwnerKind.Unknown, "parse.go", 5, "buf := make([]byte, 64)"),
        });
        var report = HeapReportBuilder.Build(profile, "p.pb.gz", new HeapReportOptions { Attributor = attributor, Top = 10 });

        Assert.True(report.Attributed);
        Assert.Null(report.Note);
        Assert.Equal(["main.cache", "(*main.Server).sessions"], report.Maps.Select(m => m.Map));
        Assert.Equal(100 * 4096 + 900_000, report.Maps[0].Value);
        Assert.Equal(2, report.Maps[0].Sites.Count);
        // Each site is asked once, with the profile's own file, line and function.
        Assert.Contains(("/src/app/server.go", 27, "main.(*Server).Open"), attributor.Calls);
        Assert.Equal(attributor.Calls.Count, attributor.Calls.Distinct().Count());

        var text = new StringWriter();
        HeapTextReport.Write(report, text);
        var s = text.ToString();
        Assert.DoesNotContain("no --source given", s);
        Assert.Contains("maps by size:", s);
        Assert.Contains("main.cache (package variable)", s);
        Assert.Contains("value stored in map into main.cache (package variable): cache.go:17  cache[key] = &entry{}", s);
        Assert.Contains("not a map operation: parse.go:5", s);
    }

    [Fact]
    public void GateMeasuresAgainstTheBaseTotal()
    {
        var before = Build(("main.a", "/a.go", 1, 100, 1000), ("main.b", "/b.go", 1, 1, 10));
        var after = Build(("main.a", "/a.go", 1, 105, 1000), ("main.b", "/b.go", 1, 3, 10));
        var report = HeapReportBuilder.Build(after, "after", new HeapReportOptions(), before, "before");
        Assert.Equal(5020, report.Delta);
        // The total grew 5,020 of 100,010 (5.02%), main.a 5,000 (5.00%), main.b tripled but by 0.02% of the base.
        Assert.Empty(GrowthGate.Parse("10%", out _)!.Violations(report));
        Assert.Single(GrowthGate.Parse("5%", out _)!.Violations(report)); // the total only
        var v = GrowthGate.Parse("4%", out _)!.Violations(report);
        Assert.Equal(2, v.Count); // total and main.a
        Assert.DoesNotContain(v, x => x.Contains("main.b"));
        Assert.Single(GrowthGate.Parse("5000", out _)!.Violations(report)); // total only: main.a grew exactly 5000
        Assert.Null(GrowthGate.Parse("ten", out var error));
        Assert.Contains("ten", error);
    }

    [Fact]
    public void HtmlEscapesHostileNames()
    {
        const string fn = "main.<script>alert('fn')</script>";
        const string file = "/src/\"><img src=x onerror=alert(1)>/a&b.go";
        var profile = Build((fn, file, 3, 10, 64), ("main.ok", "/src/ok.go", 4, 1, 64));
        var hostile = new SiteAttribution(MapOperation.Insert, "m</td><script>x()</script>", MapOwnerKind.Local, "a&b.go", 3, "m[k] = \"</code><iframe>\"");
        var attributor = new FakeAttributor(new() { [(file, 3)] = hostile });
        foreach (var withBase in new[] { false, true })
        {
            var report = HeapReportBuilder.Build(profile, "<b>p.pb.gz</b>", new HeapReportOptions { Attributor = attributor },
                withBase ? Build((fn, file, 3, 5, 64)) : null, withBase ? "base'\".pb" : null);
            var w = new StringWriter();
            HeapHtmlReport.Write(report, w);
            var html = w.ToString();

            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("<img", html);
            Assert.DoesNotContain("<iframe", html);
            Assert.DoesNotContain("<b>p.pb.gz", html);
            Assert.Contains("main.&lt;script&gt;alert(&#39;fn&#39;)&lt;/script&gt;", html);
            Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;/a&amp;b.go:3", html);
            Assert.Contains("m&lt;/td&gt;&lt;script&gt;x()&lt;/script&gt;", html);
            // Self-contained: nothing is fetched.
            Assert.DoesNotContain("http://", html);
            Assert.DoesNotContain("https://", html);
            Assert.DoesNotContain(" src=\"", html);
        }
    }

    [Fact]
    public void JsonEscapesAndKeepsNamesExact()
    {
        const string fn = "main.\"quoted\"\n<tag>";
        var report = HeapReportBuilder.Build(Build((fn, "/x.go", 1, 1, 8)), "p", new HeapReportOptions());
        using var ms = new MemoryStream();
        HeapJsonReport.Write(report, ms);
        using var doc = System.Text.Json.JsonDocument.Parse(ms.ToArray());
        Assert.Equal(fn, doc.RootElement.GetProperty("sites")[0].GetProperty("function").GetString());
        Assert.Equal(HeapReport.NoSourceNote, doc.RootElement.GetProperty("note").GetString());
    }
}
