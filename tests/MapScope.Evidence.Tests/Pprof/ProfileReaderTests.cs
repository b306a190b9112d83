using MapScope.Evidence.Pprof;
using ValueType = MapScope.Evidence.Pprof.ValueType;

namespace MapScope.Evidence.Tests.Pprof;

public class ProfileReaderTests
{
    private static ProtoProfileBuilder Sample()
    {
        var b = ProtoProfileBuilder.Heap();
        var leaf = b.Location(("main.store", "/src/app/cache.go", 17), ("main.handle", "/src/app/server.go", 40));
        var root = b.Location(("main.main", "/src/app/main.go", 9));
        b.HeapSample([leaf, root], objects: 3, blockSize: 4096, allocObjects: 5);
        b.Message.DefaultSampleType = b.Str("alloc_space");
        b.Message.Comment.Add(b.Str("a comment"));
        return b;
    }

    [Fact]
    public void GzipAndRawDecodeToTheSameModel()
    {
        var b = Sample();
        var gz = ProfileReader.Parse(b.Gzipped());
        var raw = ProfileReader.Parse(b.Bytes());
        Assert.Equal(ProfileEncoding.GzipProto, gz.Encoding);
        Assert.Equal(ProfileEncoding.Proto, raw.Encoding);

        foreach (var p in new[] { gz, raw })
        {
            Assert.Equal(["alloc_objects", "alloc_space", "inuse_objects", "inuse_space"], p.SampleTypes.Select(t => t.Type));
            Assert.Equal("alloc_space", p.DefaultSampleType);
            Assert.Equal(new ValueType("space", "bytes"), p.PeriodType);
            Assert.Equal(["a comment"], p.Comments);
            var s = Assert.Single(p.Samples);
            Assert.Equal([5, 5 * 4096, 3, 3 * 4096], s.Values);
            Assert.Equal(4096, s.NumLabel("bytes"));
            Assert.Null(s.NumLabel("other"));
            // Leaf first; the leaf location carries the inlined frame first and its caller last.
            Assert.Equal(["main.store", "main.handle"], s.Locations[0].Lines.Select(l => l.Function.Name));
            Assert.Equal(17, s.Locations[0].Lines[0].LineNumber);
            Assert.Equal("/src/app/cache.go", s.Locations[0].Lines[0].Function.Filename);
            Assert.Equal("main.main", s.Locations[1].Lines[0].Function.Name);
        }
    }

    [Fact]
    public void SparseIdsAreResolvedToo()
    {
        var b = Sample();
        // Renumber everything far apart so the dense lookup cannot be used.
        foreach (var f in b.Message.Function) f.Id += 1_000_000;
        foreach (var l in b.Message.Location)
        {
            l.Id += 5_000_000_000;
            foreach (var line in l.Line) line.FunctionId += 1_000_000;
        }
        foreach (var s in b.Message.Sample)
            for (int i = 0; i < s.LocationId.Count; i++) s.LocationId[i] += 5_000_000_000;
        var p = ProfileReader.Parse(b.Bytes());
        Assert.Equal("main.main", p.Samples[0].Locations[1].Lines[0].Function.Name);
        Assert.Equal(5_000_000_002UL, p.Samples[0].Locations[1].Id);
    }

    [Fact]
    public void ReadsFromANonSeekableStream()
    {
        using var pipe = new NonSeekable(Sample().Gzipped());
        Assert.Single(ProfileReader.Read(pipe).Samples);
    }

    [Fact]
    public void MissingFileIsAnIoErrorNotAFormatError() =>
        Assert.ThrowsAny<IOException>(() => ProfileReader.ReadFile("/nonexistent/heap.pb.gz"));

    private sealed class NonSeekable(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
