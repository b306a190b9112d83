using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using MapScope.Evidence.GcTrace;
using MapScope.Reports.GcTrace;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.GcTrace;

public class GcTraceReportTests
{
    private static GcTraceSummary Leak()
    {
        using var f = File.OpenRead(RepoPaths.Combine("tests", "fixtures", "gctrace", "leak.log"));
        return GcTraceReader.Read(f);
    }

    [Fact]
    public void JsonCarriesTheVerdictRateAndLineCounts()
    {
        var s = Leak();
        var buffer = new MemoryStream();
        GcTraceJsonReport.Write(s, "leak.log", buffer);
        using var doc = JsonDocument.Parse(buffer.ToArray());
        var root = doc.RootElement;
        Assert.Equal("mapscope.gctrace/1", root.GetProperty("schema").GetString());
        Assert.Equal("growing", root.GetProperty("verdict").GetProperty("kind").GetString());
        Assert.InRange(root.GetProperty("verdict").GetProperty("mbPerMinute").GetDouble(), GcTraceFixtureTests.LeakMiBPerMinute * 0.8, GcTraceFixtureTests.LeakMiBPerMinute * 1.2);
        Assert.Equal(s.Cycles, root.GetProperty("gc").GetProperty("cycles").GetInt64());
        Assert.Equal(s.Series.Buckets.Count, root.GetProperty("series").GetArrayLength());
        var pauses = root.GetProperty("pausesMs").GetProperty("stopTheWorld");
        Assert.True(pauses.GetProperty("p50").GetDouble() <= pauses.GetProperty("p99").GetDouble());
    }

    [Fact]
    public void TextLeadsWithTheVerdict()
    {
        var w = new StringWriter();
        GcTraceTextReport.Write(Leak(), "leak.log", w);
        var first = w.ToString().Split('\n')[0];
        Assert.StartsWith("leak.log: growing (likely leak): live heap +", first);
    }

    [Fact]
    public void SvgIsWellFormedAndEscapesTheTitle()
    {
        var w = new StringWriter();
        GcTraceSvgChart.Write(Leak(), "<script>alert(1)</script>&", w);
        var svg = XDocument.Parse(w.ToString());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Empty(svg.Descendants(ns + "script"));
        Assert.Contains("<script>alert(1)</script>&", svg.Root!.Element(ns + "title")!.Value);
        Assert.NotEmpty(svg.Descendants(ns + "polyline"));
    }

    [Fact]
    public void HtmlIsSelfContained()
    {
        var w = new StringWriter();
        GcTraceHtmlReport.Write(Leak(), "a\"<b>.log", w);
        var html = w.ToString();
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("https://", html);
        Assert.Contains("<svg", html);
    }
}
