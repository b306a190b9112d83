using System.IO.Compression;
using System.Text;
using MapScope.Evidence.Pprof;

namespace MapScope.Evidence.Tests.Pprof;

/// <summary>Every kind of bad input is a ProfileFormatException with a one-line message, never anything else.</summary>
public class MalformedProfileTests
{
    private static ProfileFormatException Rejects(byte[] data, ProfileReadOptions? options = null)
    {
        var e = Assert.Throws<ProfileFormatException>(() => ProfileReader.Parse(data, options));
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    private static ProtoProfileBuilder OneSample(out ulong loc)
    {
        var b = ProtoProfileBuilder.Heap();
        loc = b.Location(("main.f", "/src/main.go", 10));
        b.HeapSample([loc], 2, 64);
        return b;
    }

    [Fact]
    public void ValidBuilderProfileIsAccepted()
    {
        // Control for the cases below: the same builder with nothing broken reads fine.
        var p = ProfileReader.Parse(OneSample(out _).Gzipped());
        Assert.Equal(128, p.Samples.Single().Values[3]);
    }

    [Fact]
    public void EmptyInput() => Assert.Contains("empty", Rejects([]).Message);

    [Fact]
    public void CorruptBytes()
    {
        var data = new byte[4096];
        new Random(7).NextBytes(data);
        data[0] = 0xff; // not gzip, not text
        Rejects(data);
    }

    [Fact]
    public void TruncatedGzip()
    {
        var gz = OneSample(out _).Gzipped();
        Rejects(gz[..(gz.Length / 2)]);
        Rejects(gz[..^4]); // only the trailer's length field missing
    }

    [Fact]
    public void TruncatedRawProto()
    {
        var raw = OneSample(out _).Bytes();
        Assert.Contains("not a valid profile.proto", Rejects(raw[..^3]).Message);
    }

    [Fact]
    public void CorruptGzipBody()
    {
        var gz = OneSample(out _).Gzipped();
        for (int i = 12; i < gz.Length - 8; i++) gz[i] ^= 0x5a;
        Rejects(gz);
    }

    [Fact]
    public void TextThatIsNotAProfile() =>
        Assert.Contains("not a profile", Rejects(Encoding.UTF8.GetBytes("2024/01/01 12:00:00 server started on :8080\n")).Message);

    [Fact]
    public void PngIsNotAProfile()
    {
        byte[] png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0];
        Rejects(png);
    }

    [Fact]
    public void GzipBombStopsAtTheLimitWhileStreaming()
    {
        // 256 MiB of zeros compresses to a few hundred KB.
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) gz.Write(zeros);
        }
        var bomb = ms.ToArray();
        Assert.True(bomb.Length < 2 << 20);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Rejects(bomb, new ProfileReadOptions { MaxDecompressedBytes = 4 << 20 });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("4 MiB", e.Message);
        Assert.Contains("--max-decompressed", e.Message);
        // Stopped near the limit instead of inflating all 256 MiB.
        Assert.True(allocated < 32 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void RaisedLimitAcceptsWhatTheDefaultWouldNot()
    {
        var gz = OneSample(out _).Gzipped();
        Rejects(gz, new ProfileReadOptions { MaxDecompressedBytes = 10 });
        Assert.Single(ProfileReader.Parse(gz, new ProfileReadOptions { MaxDecompressedBytes = 1 << 20 }).Samples);
    }

    [Fact]
    public void BadStringIndex()
    {
        var b = OneSample(out _);
        b.Message.Function[0].Name = 999;
        var e = Rejects(b.Bytes());
        Assert.Contains("function name", e.Message);
        Assert.Contains("999", e.Message);
    }

    [Fact]
    public void NegativeStringIndex()
    {
        var b = OneSample(out _);
        b.Message.SampleType[0].Unit = -1;
        Assert.Contains("string index -1", Rejects(b.Bytes()).Message);
    }

    [Fact]
    public void BadLabelStringIndex()
    {
        var b = OneSample(out _);
        b.Message.Sample[0].Label[0].Key = 12345;
        Assert.Contains("label key", Rejects(b.Bytes()).Message);
    }

    [Fact]
    public void FirstStringMustBeEmpty()
    {
        var b = OneSample(out _);
        b.Message.StringTable[0] = "x";
        Assert.Contains("string_table[0]", Rejects(b.Bytes()).Message);
    }

    [Fact]
    public void BadLocationId()
    {
        var b = OneSample(out var loc);
        b.HeapSample([loc, 42], 1, 8);
        var e = Rejects(b.Bytes());
        Assert.Contains("sample 1", e.Message);
        Assert.Contains("location id 42", e.Message);
    }

    [Fact]
    public void BadFunctionId()
    {
        var b = OneSample(out _);
        b.Message.Location[0].Line[0].FunctionId = 77;
        Assert.Contains("function id 77", Rejects(b.Bytes()).Message);
    }

    [Fact]
    public void BadMappingId()
    {
        var b = OneSample(out _);
        b.Message.Location[0].MappingId = 5;
        Assert.Contains("mapping id 5", Rejects(b.Bytes()).Message);
    }

    [Fact]
    public void DuplicateAndReservedIds()
    {
        var dup = OneSample(out _);
        dup.Message.Location.Add(dup.Message.Location[0].Clone());
        Assert.Contains("duplicate location id 1", Rejects(dup.Bytes()).Message);

        var zero = OneSample(out _);
        zero.Message.Function[0].Id = 0;
        Assert.Contains("reserved id 0", Rejects(zero.Bytes()).Message);
    }

    [Fact]
    public void ValueCountMismatch()
    {
        var b = OneSample(out var loc);
        b.Sample([loc], [1, 2, 3]);
        var e = Rejects(b.Bytes());
        Assert.Contains("sample 1 has 3 values but the profile has 4 sample types", e.Message);
    }

    [Fact]
    public void LegacyTextWithBrokenSampleLine()
    {
        var text = "heap profile: 1: 64 [2: 128] @ heap/2\n1: 64 [2: 128] @ 0x1000 zz\n";
        Assert.Contains("line 2", Rejects(Encoding.UTF8.GetBytes(text)).Message);
    }

    [Fact]
    public void LegacyTextWithZeroCountButBytes()
    {
        var text = "heap profile: 1: 64 [2: 128] @ heap/2\n0: 64 [2: 128] @ 0x1000\n";
        Assert.Contains("count is 0", Rejects(Encoding.UTF8.GetBytes(text)).Message);
    }
}
