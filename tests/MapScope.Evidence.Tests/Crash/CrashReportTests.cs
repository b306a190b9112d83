using System.Text.Json;
using MapScope.Reports.Crash;

namespace MapScope.Evidence.Tests.Crash;

public class CrashReportTests
{
    [Fact]
    public void TextNamesTheCulpritAsFileLine()
    {
        var w = new StringWriter();
        CrashTextReport.Write(CrashFixtureTests.ReadLog("writes"), "crash.log", w);
        var text = w.ToString();
        Assert.Contains($"culprit: mapscope.test/crash/writes/main.go:{CrashFixtureTests.CulpritLine("writes")}: main.writer", text);
        Assert.Contains("(concurrent-map-writes)", text);
        Assert.Contains("    20 x [chan receive]", text);
    }

    [Fact]
    public void JsonHasKindCulpritAndGroups()
    {
        var log = CrashFixtureTests.ReadLog("nilmap");
        var buffer = new MemoryStream();
        CrashJsonReport.Write(log, "crash.log", buffer);
        using var doc = JsonDocument.Parse(buffer.ToArray());
        var dump = doc.RootElement.GetProperty("dumps")[0];
        Assert.Equal("nil-map-assignment", dump.GetProperty("kind").GetString());
        Assert.Equal(CrashFixtureTests.CulpritLine("nilmap"), dump.GetProperty("culprit").GetProperty("line").GetInt32());
        Assert.Equal(log.Dumps[0].Groups.Count, dump.GetProperty("groups").GetArrayLength());
    }

    [Fact]
    public void HtmlEscapesStackText()
    {
        var log = Evidence.Crash.CrashReader.Read(new MemoryStream("panic: <img src=x>\n\ngoroutine 1 [running]:\nmain.f[<T>]()\n\t/src/<x>.go:3 +0x1\n"u8.ToArray()));
        var w = new StringWriter();
        CrashHtmlReport.Write(log, "<in>", w);
        Assert.DoesNotContain("<img", w.ToString());
        Assert.DoesNotContain("<x>", w.ToString());
        Assert.Contains("&lt;img src=x&gt;", w.ToString());
    }
}
