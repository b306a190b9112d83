using MapScope.Evidence.GcTrace;
using MapScope.Evidence.Lines;
using System.Text;

namespace MapScope.Evidence.Tests.GcTrace;

public class GcTraceRobustnessTests
{
    private const string Line119 = "gc 7 @1.500s 2%: 0.020+1.5+0.010 ms clock, 0.040+0.2/1.0/0.5+0.020 ms cpu, 9->10->5 MB, 10 MB goal, 0 MB stacks, 0 MB globals, 2 P\n";

    private static GcTraceSummary Read(byte[] bytes) => GcTraceReader.Read(new MemoryStream(bytes));

    [Fact]
    public void BinaryGarbageIsCountedNotParsed()
    {
        var bytes = new byte[3 << 20];
        new Random(3).NextBytes(bytes);
        var s = Read(bytes);
        Assert.Equal(0, s.Cycles);
        Assert.Equal(HeapVerdict.NotEnoughData, s.Trend.Verdict);
        Assert.Equal(s.Lines.Total, s.Lines.Unknown + s.Lines.Blank + s.Lines.Malformed + s.Lines.Scavenger + s.Lines.Legacy);
        Assert.True(s.Lines.Total > 1000); // random bytes hold a '\n' every 256 bytes or so
        Assert.Equal(bytes.Length, s.Lines.Bytes);
    }

    [Fact]
    public void MixedStderrAndCutLinesAreCountedByKind()
    {
        var text = new StringBuilder();
        text.Append("starting server on :8080\n");
        text.Append(Line119);
        text.Append(Line119.Replace("gc 7 @1.500s", "gc 8 @1.600s")[..60] + "\n"); // cut in half
        text.Append("scav 0 KiB work (bg), 0 KiB work (eager), 160 KiB total, 24% util\n");
        text.Append("request done...").Append(Line119.Replace("gc 7 @1.500s", "gc 9 @1.700s")); // glued to program output
        text.Append("\r\n");
        text.Append(Line119.Replace("gc 7 @1.500s", "gc 10 @1.800s").TrimEnd('\n') + "\r\n"); // CRLF
        text.Append(Line119.Replace("gc 7 @1.500s", "gc 11 @1.900s").TrimEnd('\n')); // no final newline
        var s = Read(Encoding.UTF8.GetBytes(text.ToString()));
        Assert.Equal(4, s.Lines.Cycles);
        Assert.Equal(1, s.Lines.Malformed);
        Assert.Equal(1, s.Lines.Scavenger);
        Assert.Equal(1, s.Lines.Unknown);
        Assert.Equal(1, s.Lines.Blank);
        Assert.Equal(8, s.Lines.Total);
        Assert.Equal(1.9, s.LastSeconds, 9);
    }

    [Fact]
    public void RestartedProcessStartsANewRun()
    {
        var text = Line119 + Line119.Replace("@1.500s", "@2.500s") + Line119.Replace("@1.500s", "@0.100s").Replace("9->10->5", "3->3->1");
        var s = Read(Encoding.UTF8.GetBytes(text));
        Assert.Equal(2, s.Runs);
        Assert.Equal(1, s.Cycles);
        Assert.Equal(1, s.LastLiveMB);
    }

    [Fact]
    public void OverlongLineIsCutAndTheNextLineStillParses()
    {
        var text = new string('x', 200_000) + "\n" + Line119;
        var s = Read(Encoding.UTF8.GetBytes(text));
        Assert.Equal(1, s.Lines.Overlong);
        Assert.Equal(1, s.Cycles);
        Assert.Equal(2, s.Lines.Total);
    }

    [Fact]
    public void HundredsOfMegabytesStreamInBoundedMemory()
    {
        // 400 MB of gctrace (about 2.9 million GCs growing 1 MB every 1000 GCs, with program output
        // mixed in), generated on the fly. The reader's allocations must not depend on the input size.
        const long length = 400L << 20;
        long gcNumber = 0;
        var stream = new GeneratedStream(length, _ =>
        {
            var sb = new StringBuilder(64 * 1024);
            for (int i = 0; i < 400; i++)
            {
                long n = ++gcNumber;
                long live = 100 + n / 1000;
                sb.Append("gc ").Append(n).Append(" @").Append((n * 0.01).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))
                  .Append("s 3%: 0.021+1.2+0.0").Append(10 + n % 80).Append(" ms clock, 0.08+0.1/2.1/3.5+0.04 ms cpu, ")
                  .Append(live * 2).Append("->").Append(live * 2 + 3).Append("->").Append(live).Append(" MB, ").Append(live * 2).Append(" MB goal, 0 MB stacks, 1 MB globals, 4 P\n");
                if (i % 50 == 0) sb.Append("GET /api/items 200 1.2ms\n");
            }
            return Encoding.ASCII.GetBytes(sb.ToString());
        });
        long before = GC.GetAllocatedBytesForCurrentThread();
        var s = GcTraceReader.Read(stream);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before - stream.GeneratorAllocatedBytes;

        Assert.Equal(length, s.Lines.Bytes);
        Assert.True(s.Cycles > 2_500_000, $"{s.Cycles} cycles");
        Assert.Equal(s.Lines.Total - s.Cycles, s.Lines.Unknown + s.Lines.Malformed); // the last line may be cut
        Assert.True(s.Lines.Malformed <= 1);
        Assert.True(allocated < 8 << 20, $"allocated {allocated / 1024} KiB for a {length >> 20} MB stream");
        Assert.True(s.Series.Buckets.Count <= 1024);
        // 1 MB per 1000 GCs at 100 GCs/s = 6 MB/min.
        Assert.Equal(HeapVerdict.Growing, s.Trend.Verdict);
        Assert.InRange(s.Trend.MBPerMinute, 5.9, 6.1);
    }

    [Fact]
    public void LineReaderKeepsOneBufferForAnyInput()
    {
        var reader = new LineReader(new MemoryStream(new byte[10]), maxLineLength: 1024);
        Assert.Equal(1 << 20, reader.BufferSize);
    }
}
