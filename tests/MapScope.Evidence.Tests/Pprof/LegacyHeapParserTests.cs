using System.Text;
using MapScope.Evidence.Pprof;

namespace MapScope.Evidence.Tests.Pprof;

public class LegacyHeapParserTests
{
    // Shaped like Go 1.19's debug=1 output (tabwriter pads with tabs; inlined frames share a PC;
    // leading runtime frames have no '#' line).
    private const string Text =
        "heap profile: 3: 9216 [7: 20480] @ heap/2\n" +
        "2: 8192 [4: 16384] @ 0x40d7ce 0x4b3f94 0x4b3f60 0x437452\n" +
        "#\t0x4b3f93\tmain.addIndex+0xf3\t/src/leak/main.go:21\n" +
        "#\t0x4b3f5f\tstrconv.Itoa+0x124\t\t/usr/lib/go/src/strconv/itoa.go:35\n" +
        "#\t0x4b3f5f\tmain.main+0xbf\t\t/src/leak/main.go:27\n" +
        "#\t0x437451\truntime.main+0x211\t/usr/lib/go/src/runtime/proc.go:250\n" +
        "\n" +
        "1: 1024 [3: 4096] @ 0x4b3f60 0x437452\n" +
        "#\t0x4b3f5f\tstrconv.Itoa+0x124\t\t/usr/lib/go/src/strconv/itoa.go:35\n" +
        "#\t0x4b3f5f\tmain.main+0xbf\t\t/src/leak/main.go:27\n" +
        "#\t0x437451\truntime.main+0x211\t/usr/lib/go/src/runtime/proc.go:250\n" +
        "\n" +
        "\n# runtime.MemStats\n# Alloc = 123\n";

    private static Profile Parse(string text) => ProfileReader.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void ReadsValuesInPprofOrderWithBlockSizeLabels()
    {
        var p = Parse(Text);
        Assert.Equal(ProfileEncoding.LegacyHeapText, p.Encoding);
        Assert.Equal(["alloc_objects", "alloc_space", "inuse_objects", "inuse_space"], p.SampleTypes.Select(t => t.Type));
        Assert.Equal(2, p.Samples.Length);
        // Rate 2/2 = 1: every allocation was recorded, nothing to scale.
        Assert.Equal([4, 16384, 2, 8192], p.Samples[0].Values);
        Assert.Equal(4096, p.Samples[0].NumLabel("bytes"));
        Assert.Equal(1024, p.Samples[1].NumLabel("bytes"));
        Assert.Equal(1, p.Period);
    }

    [Fact]
    public void HiddenRuntimeLeafFramesAreDroppedAndInlinedFramesShareALocation()
    {
        var p = Parse(Text);
        var stack = p.Samples[0].Locations;
        // 0x40d7ce (a runtime allocator frame with no '#' line) is gone: the leaf is the user's line.
        Assert.Equal(3, stack.Length);
        Assert.Equal("main.addIndex", stack[0].Lines[0].Function.Name);
        Assert.Equal(21, stack[0].Lines[0].LineNumber);
        Assert.Equal(0x4b3f93UL, stack[0].Address);
        Assert.Equal(["strconv.Itoa", "main.main"], stack[1].Lines.Select(l => l.Function.Name));
        Assert.Equal("/usr/lib/go/src/strconv/itoa.go", stack[1].Lines[0].Function.Filename);
        // Same address in two samples: one location object.
        Assert.Same(stack[1], p.Samples[1].Locations[0]);
        Assert.Equal(p.Locations.Length, p.Locations.Select(l => l.Id).Distinct().Count());
    }

    [Fact]
    public void ScalesSampledCountsLikePprof()
    {
        // heap/1048576 means MemProfileRate 524288: a 4096-byte block is seen with probability
        // 1 - e^(-4096/524288), so 1 observed block stands for 1/that ≈ 128.5 blocks.
        var p = Parse("heap profile: 1: 4096 [1: 4096] @ heap/1048576\n1: 4096 [1: 4096] @ 0x1001\n");
        double scale = 1 / (1 - Math.Exp(-4096.0 / 524288));
        Assert.Equal(["objects", "space"], p.SampleTypes.Select(t => t.Type)); // alloc == inuse in the header
        Assert.Equal((long)scale, p.Samples[0].Values[0]);
        Assert.Equal((long)(4096 * scale), p.Samples[0].Values[1]);
        Assert.Equal(1, SampleIndex.ByName(p, "inuse_space"));
    }
}
