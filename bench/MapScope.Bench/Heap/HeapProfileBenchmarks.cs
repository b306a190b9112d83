using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using MapScope.Evidence.Pprof;
using Proto = MapScope.Evidence.Pprof.Proto;

namespace MapScope.Bench.Heap;

/// <summary>
/// Decoding and aggregating a large heap profile. The profile is synthesized in memory with the same
/// shape as bench/heapgen (random walks down a fixed call graph, Go heap sample types, `bytes` labels);
/// MAPSCOPE_HEAP_PROFILE=FILE benchmarks a real file instead.
///   dotnet run -c Release --project bench/MapScope.Bench -- --filter '*HeapProfile*'
/// </summary>
[MemoryDiagnoser]
public class HeapProfileBenchmarks
{
    [Params(200_000)]
    public int Samples { get; set; }

    private byte[] _gzip = [];
    private byte[] _raw = [];
    private Profile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (Environment.GetEnvironmentVariable("MAPSCOPE_HEAP_PROFILE") is { Length: > 0 } path)
        {
            _gzip = File.ReadAllBytes(path);
            using var gz = new GZipStream(new MemoryStream(_gzip), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            _raw = ms.ToArray();
        }
        else
        {
            _raw = Synthesize(Samples, functions: 20_000, locations: 80_000);
            using var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Fastest)) gz.Write(_raw);
            _gzip = ms.ToArray();
        }
        _profile = ProfileReader.Parse(_raw);
    }

    [Benchmark]
    public Profile DecodeGzip() => ProfileReader.Parse(_gzip);

    [Benchmark]
    public Profile DecodeRaw() => ProfileReader.Parse(_raw);

    [Benchmark]
    public int AggregateByLine() => Aggregate.BySite(_profile, SiteGranularity.FunctionLine).Count;

    [Benchmark]
    public int CallTreePruned() => CallTree.Build(_profile, 3, minShare: 0.001).Children.Count;

    internal static byte[] Synthesize(int samples, int functions, int locations)
    {
        var rng = new Random(1);
        var m = new Proto.Profile();
        m.StringTable.Add("");
        long S(string s) { m.StringTable.Add(s); return m.StringTable.Count - 1; }
        foreach (var (t, u) in new[] { ("alloc_objects", "count"), ("alloc_space", "bytes"), ("inuse_objects", "count"), ("inuse_space", "bytes") })
            m.SampleType.Add(new Proto.ValueType { Type = S(t), Unit = S(u) });
        long bytesKey = S("bytes");
        for (int f = 1; f <= functions; f++)
        {
            long name = S($"example.com/svc/pkg{f % 300}.(*Type{f % 37}).Method{f}");
            m.Function.Add(new Proto.Function { Id = (ulong)f, Name = name, SystemName = name, Filename = S($"/build/svc/pkg{f % 300}/file{f % 2000}.go"), StartLine = 10 + f % 500 });
        }
        for (int l = 1; l <= locations; l++)
        {
            var loc = new Proto.Location { Id = (ulong)l, Address = (ulong)(0x400000 + l * 16) };
            int lines = 1 + rng.Next(4) / 3;
            for (int i = 0; i < lines; i++) loc.Line.Add(new Proto.Line { FunctionId = (ulong)(1 + rng.Next(functions)), Line_ = 10 + rng.Next(800) });
            m.Location.Add(loc);
        }
        var callees = new ulong[locations + 1, 4];
        for (int l = 0; l <= locations; l++)
            for (int k = 0; k < 4; k++) callees[l, k] = (ulong)(1 + rng.Next(locations));
        long[] sizes = [8, 16, 32, 48, 64, 128, 256, 512, 1024, 4096, 8192, 32768];
        var stack = new List<ulong>(64);
        for (int s = 0; s < samples; s++)
        {
            stack.Clear();
            int depth = 8 + rng.Next(24);
            ulong at = (ulong)(1 + rng.Next(50));
            for (int i = 0; i < depth; i++) { stack.Add(at); at = callees[at, rng.Next(4)]; }
            stack.Reverse();
            long size = sizes[rng.Next(sizes.Length)], alloc = 1 + rng.Next(1000), inuse = alloc / (1 + rng.Next(4));
            var sample = new Proto.Sample();
            sample.LocationId.Add(stack);
            sample.Value.Add([alloc, alloc * size, inuse, inuse * size]);
            sample.Label.Add(new Proto.Label { Key = bytesKey, Num = size });
            m.Sample.Add(sample);
        }
        return m.ToByteArray();
    }
}
