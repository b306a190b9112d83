using MapScope.Evidence.Crash;
using System.Text;

namespace MapScope.Evidence.Tests.Crash;

[Collection(MemoryMeasuringCollection.Name)]
public class CrashRobustnessTests
{
    [Fact]
    public void BinaryGarbageYieldsNoDumpAndCountsLines()
    {
        var bytes = new byte[2 << 20];
        new Random(5).NextBytes(bytes);
        var log = CrashReader.Read(new MemoryStream(bytes));
        Assert.Empty(log.Dumps);
        Assert.True(log.Lines.Unknown > 1000);
        Assert.Equal(bytes.Length, log.Lines.Bytes);
    }

    [Fact]
    public void GarbageInsideADumpIsCountedAndTheDumpSurvives()
    {
        var text = "fatal error: concurrent map writes\n\ngoroutine 9 [running]:\nmain.w()\n\t/src/main.go:5 +0x1\n\u0000\u0001\u00ff junk )\n2024/01/01 log line\n\ngoroutine 1 [select]:\nmain.main()\n\t/src/main.go:20 +0x1\n";
        var log = CrashReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var dump = Assert.Single(log.Dumps);
        Assert.Equal(5, dump.Culprit?.Line);
        Assert.Equal(2, dump.GoroutineCount);
        Assert.Equal(2, log.Lines.Unknown);
    }

    [Fact]
    public void HundredsOfMegabytesOfDumpsStreamInBoundedMemory()
    {
        // 300 MB of back-to-back crash dumps of 1,000 goroutines each (~1,600 dumps), generated on the fly.
        // The reader keeps at most 1,000 dumps and counts the rest; the heap must stay far below the input size.
        const long length = 300L << 20;
        long baseline = GC.GetTotalMemory(true);
        var stream = new GeneratedStream(length, i => Encoding.ASCII.GetBytes(SyntheticDumps.Crash(goroutines: 1000, seed: (int)i)));
        var log = CrashReader.Read(stream);
        long retained = GC.GetTotalMemory(true) - baseline;

        Assert.Equal(CrashReader.DefaultMaxDumps, log.Dumps.Count);
        Assert.True(log.DroppedDumps > 500);
        Assert.All(log.Dumps.Take(10), d => Assert.Equal(CrashKind.ConcurrentMapWrites, d.Kind));
        Assert.All(log.Dumps.Take(10), d => Assert.Equal(1000, d.GoroutineCount));
        Assert.All(log.Dumps.Take(10), d => Assert.Equal(SyntheticDumps.DistinctStacks + 1, d.Groups.Count));
        Assert.True(stream.MaxHeapBytesSeen - baseline < 128L << 20, $"heap reached {(stream.MaxHeapBytesSeen - baseline) >> 20} MB over baseline");
        Assert.True(retained < 64L << 20, $"retained {retained >> 20} MB");
        GC.KeepAlive(log);
    }
}
