using System.Text;

namespace MapScope.Cli.Tests;

/// <summary>The evidence commands on pasted input: prefixes stripped, 0-cycle gctrace logs reported.</summary>
public class EvidencePasteCommandTests
{
    [Fact]
    public void GctraceOfOnlyScavengerLinesReportsZeroCycles()
    {
        var log = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5).Select(i => $"scvg{i}: inuse: 4, idle: 0, sys: 4, released: 0, consumed: 4 (MB)\n")));
        var run = CliRun.In(TestSupport.RepoPaths.Root, log, "gctrace", "-");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not enough data", run.Out);
        Assert.Contains("0 GC, 5 scavenger", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void GctraceOfTextWithoutAnyGcLineIsStillAnInputError()
    {
        var run = CliRun.In(TestSupport.RepoPaths.Root, "hello\nworld\n"u8.ToArray(), "gctrace", "-");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("mapscope: ", run.Error);
    }

    [Fact]
    public void CrashPastedFromDockerComposeWithSpacesForTabsIsRead()
    {
        var dump = File.ReadAllText(TestSupport.RepoPaths.Combine("tests", "fixtures", "crash", "writes", "crash.log"));
        var pasted = string.Concat(dump.Split('\n').Select(l => "api-1  | " + l.Replace("\t", "        ") + "  \r\n"));
        var run = CliRun.In(TestSupport.RepoPaths.Root, Encoding.UTF8.GetBytes(pasted), "crash", "-");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("(concurrent-map-writes) from api-1", run.Out);
        Assert.Contains("culprit: mapscope.test/crash/writes/main.go:13: main.writer", run.Out);
        Assert.Contains("had a log prefix", run.Out);
    }
}
