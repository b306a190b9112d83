using Google.Protobuf;
using MapScope.Evidence.Pprof.Proto;
using ValueType = MapScope.Evidence.Pprof.Proto.ValueType;

namespace MapScope.Evidence.Tests.Pprof;

/// <summary>
/// Builds wire-format profiles with the generated protobuf classes, so tests control every field
/// (including broken ones) without depending on our own decoder.
/// </summary>
internal sealed class ProtoProfileBuilder
{
    public Profile Message { get; } = new();
    private readonly Dictionary<string, long> _strings = [];

    public ProtoProfileBuilder(params (string Type, string Unit)[] sampleTypes)
    {
        Str("");
        foreach (var (t, u) in sampleTypes) Message.SampleType.Add(new ValueType { Type = Str(t), Unit = Str(u) });
    }

    public static ProtoProfileBuilder Heap()
    {
        var b = new ProtoProfileBuilder(("alloc_objects", "count"), ("alloc_space", "bytes"), ("inuse_objects", "count"), ("inuse_space", "bytes"));
        b.Message.PeriodType = new ValueType { Type = b.Str("space"), Unit = b.Str("bytes") };
        b.Message.Period = 524288;
        return b;
    }

    public long Str(string s)
    {
        if (!_strings.TryGetValue(s, out var i))
        {
            i = Message.StringTable.Count;
            Message.StringTable.Add(s);
            _strings[s] = i;
        }
        return i;
    }

    public ulong Function(string name, string file)
    {
        foreach (var f in Message.Function)
            if (f.Name == Str(name) && f.Filename == Str(file)) return f.Id;
        var id = (ulong)Message.Function.Count + 1;
        Message.Function.Add(new Function { Id = id, Name = Str(name), SystemName = Str(name), Filename = Str(file) });
        return id;
    }

    /// <summary>A location with one line per (function, file, line), innermost first.</summary>
    public ulong Location(params (string Function, string File, long Line)[] lines)
    {
        var id = (ulong)Message.Location.Count + 1;
        var loc = new Location { Id = id, Address = 0x1000 + id * 16 };
        foreach (var (f, file, line) in lines) loc.Line.Add(new Line { FunctionId = Function(f, file), Line_ = line });
        Message.Location.Add(loc);
        return id;
    }

    public Sample Sample(ulong[] stack, long[] values, long? blockSize = null)
    {
        var s = new Sample();
        s.LocationId.Add(stack);
        s.Value.Add(values);
        if (blockSize is { } b) s.Label.Add(new Label { Key = Str("bytes"), Num = b });
        Message.Sample.Add(s);
        return s;
    }

    /// <summary>A heap sample of <paramref name="objects"/> live blocks of <paramref name="blockSize"/> bytes.</summary>
    public Sample HeapSample(ulong[] stack, long objects, long blockSize, long allocObjects = -1) =>
        Sample(stack, [allocObjects < 0 ? objects : allocObjects, (allocObjects < 0 ? objects : allocObjects) * blockSize, objects, objects * blockSize], blockSize);

    public byte[] Bytes() => Message.ToByteArray();

    public byte[] Gzipped()
    {
        using var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest)) gz.Write(Bytes());
        return ms.ToArray();
    }
}
