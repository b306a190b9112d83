using MapScope.Evidence.Escape;
using System.Text;

namespace MapScope.Evidence.Tests.Escape;

public class EscapeRobustnessTests
{
    [Fact]
    public void GarbageAndBuildNoiseAreCounted()
    {
        var bytes = new byte[1 << 20];
        new Random(9).NextBytes(bytes);
        var text = "go: downloading example.com/x v1.0.0\n./a.go:3:2: make(map[int]int) escapes to heap\n"u8.ToArray().Concat(bytes).ToArray();
        var log = EscapeTextReader.Read(new MemoryStream(text));
        Assert.Single(log.Maps);
        Assert.True(log.Lines.Unknown > 1000);
    }

    [Fact]
    public void FlowLinesWithoutHeaderAndCutLinesAreIgnored()
    {
        var log = EscapeTextReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("""
            ./a.go:5:2:     from x (assign) at ./a.go:5:2
            ./a.go:9:11: make(map[string]int) escapes to heap:
            ./a.go:9:11:   flow: {heap} = &{storage for make(map[string]int)}:
            ./a.go:9:11:     from make(map[string]int) (spill) at ./a.go:9:11
            ./a.go:9:11:     from reg = make(map[str
            C:\work\b.go:4:7: make(map[int]bool) does not escape
            """)));
        var m = Assert.Single(log.Maps);
        Assert.Equal(MapEscapeReason.StoredInHeap, m.Reason); // the deciding assign line was cut off
        Assert.Equal(@"C:\work\b.go", Assert.Single(log.StackMaps).Position.File);
    }

    [Fact]
    public void BrokenJsonLinesAreCounted()
    {
        var log = EscapeJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(
            "{\"version\":0,\"package\":\"p\",\"file\":\"/x/a.go\"}\n{\"range\":{\"start\":{\"line\":3,\"cha\n[1,2]\n{\"range\":{\"start\":{\"line\":3,\"character\":9}},\"code\":\"escape\",\"message\":\"make(map[int]int) escapes to heap\"}\n")));
        Assert.Equal(2, log.Lines.Unknown);
        Assert.Equal(new SourcePosition("/x/a.go", 3, 9), Assert.Single(log.Maps).Position);
    }
}
