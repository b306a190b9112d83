using System.Text;
using MapScope.Evidence.Lines;

namespace MapScope.Evidence.Tests.Lines;

public class LineCleanerTests
{
    private static (string Line, string Source) Clean(string raw)
    {
        var cleaner = new LineCleaner();
        var line = cleaner.Clean(Encoding.UTF8.GetBytes(raw), out var source);
        return (Encoding.UTF8.GetString(line), Encoding.UTF8.GetString(source));
    }

    [Theory]
    [InlineData("api-1  | fatal error: concurrent map writes", "fatal error: concurrent map writes", "api-1")]
    [InlineData("service_api_1   | goroutine 1 [running]:", "goroutine 1 [running]:", "service_api_1")]
    [InlineData("api-1  |", "", "api-1")]
    [InlineData("[pod/api-7d9f/app] main.main()", "main.main()", "pod/api-7d9f/app")]
    [InlineData("[pod/api-7d9f/app] 2024-05-06T07:08:09.123456789Z gc 1 @0.1s 0%: x", "gc 1 @0.1s 0%: x", "pod/api-7d9f/app")]
    [InlineData("May  6 07:08:09 web-01 api[2231]: panic: boom", "panic: boom", "api[2231]")]
    [InlineData("Dec 16 17:08:09 web-01 api: panic: boom", "panic: boom", "api")]
    [InlineData("2024-05-06T07:08:09+0000 web-01 api[2231]: panic: boom", "panic: boom", "api[2231]")]
    [InlineData("2024-05-06T07:08:09.123456+00:00 app[web.1]: panic: boom", "panic: boom", "app[web.1]")]
    [InlineData("2024-05-06T07:08:09.1234567Z panic: boom", "panic: boom", "")]
    [InlineData("2024-05-06 07:08:09,123 panic: boom", "panic: boom", "")]
    [InlineData("2024/05/06 07:08:09 panic: boom", "panic: boom", "")]
    [InlineData("2024/05/06 07:08:09.123456 http: panic serving 1.2.3.4", "http: panic serving 1.2.3.4", "")]
    [InlineData("[2024-05-06T07:08:09.123Z] panic: boom", "panic: boom", "")]
    [InlineData("> > panic: boom", "panic: boom", "")]
    [InlineData(">", "", "")]
    [InlineData("2024-05-06T07:08:09.1234567Z api-1  | \tmain.go:13 +0x8b", "\tmain.go:13 +0x8b", "api-1")]
    [InlineData("\u001b[36mapi-1  | \u001b[0m\u001b[1;31mfatal error: x\u001b[0m", "fatal error: x", "api-1")]
    [InlineData("panic: boom   \r", "panic: boom", "")]
    [InlineData("        /src/main.go:13 +0x8b", "\t/src/main.go:13 +0x8b", "")]
    [InlineData("  \t/src/main.go:13", "\t/src/main.go:13", "")]
    [InlineData("   ", "", "")]
    public void StripsCollectorPrefixesColourAndWhitespace(string raw, string line, string source)
    {
        Assert.Equal((line, source), Clean(raw));
    }

    /// <summary>Lines Go itself prints, and program output that merely looks a little like a prefix, stay as they are.</summary>
    [Theory]
    [InlineData("goroutine 1 gp=0xc000002380 m=0 mp=0x5183a0 [running]:")]
    [InlineData("[originating from goroutine 1]:")]
    [InlineData("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x47c9a5]")]
    [InlineData("main.(*Registry).Add(...)")]
    [InlineData("created by main.main in goroutine 1")]
    [InlineData("gc 12 @3.104s 2%: 0.017+1.2+0.023 ms clock, 0.13+0.2/2.0/3.1+0.18 ms cpu, 4->4->0 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 8 P")]
    [InlineData("scvg0: inuse: 4, idle: 0, sys: 4, released: 0, consumed: 4 (MB)")]
    [InlineData("./main.go:17:15: &Heavy{} escapes to heap:")]
    [InlineData("main.go:17:15: moved to heap: x")]
    [InlineData("1: 909312 [1: 909312] @ 0x40d7ce 0x40ea59")]
    [InlineData("heap profile: 174: 2511376 [177: 3213840] @ heap/1048576")]
    [InlineData("Mark ready | not a compose line")]
    [InlineData("x |y")]
    [InlineData(">not a quote")]
    [InlineData("2024-05-06T07:08:09Zgc")]
    public void GoLinesAreUnchanged(string raw)
    {
        Assert.Equal((raw, ""), Clean(raw));
    }

    [Fact]
    public void ASourceNamedInsideColourCodesSurvivesTheCopy()
    {
        var cleaner = new LineCleaner();
        var line = cleaner.Clean("\u001b[36mworker-1  | \u001b[0m    main.go:12"u8, out var source);
        Assert.Equal("\tmain.go:12", Encoding.UTF8.GetString(line));
        Assert.Equal("worker-1", Encoding.UTF8.GetString(source));
    }

    [Fact]
    public void LastLineWithoutNewlineIsReported()
    {
        var reader = new CleanLineReader(new MemoryStream("a\nb\nlast"u8.ToArray()));
        var seen = new List<(string, bool)>();
        while (reader.TryReadLine(out var line, out _)) seen.Add((Encoding.UTF8.GetString(line), reader.LastLineUnterminated));
        Assert.Equal([("a", false), ("b", false), ("last", true)], seen);
    }
}
