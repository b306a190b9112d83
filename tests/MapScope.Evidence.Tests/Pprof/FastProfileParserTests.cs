using System.IO.Compression;
using MapScope.Evidence.Pprof;

namespace MapScope.Evidence.Tests.Pprof;

/// <summary>The hand-written sample decoder agrees with Google.Protobuf's generated parser.</summary>
public class FastProfileParserTests
{
    public static TheoryData<string> FixtureProfiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in HeapFixtures.Names)
            foreach (var f in Directory.GetFiles(HeapFixtures.Profiles(name), "*.pb.gz", SearchOption.AllDirectories).Order()) // every release
                data.Add(Path.GetRelativePath(HeapFixtures.Dir(name) + "/..", f));
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureProfiles))]
    public void SameModelAsTheGeneratedParser(string relative)
    {
        var raw = Gunzip(File.ReadAllBytes(Path.Combine(HeapFixtures.Dir("cache"), "..", relative)));
        AssertSame(ProtoDecoder.DecodeWithGeneratedParser(raw, ProfileEncoding.Proto), ProtoDecoder.Decode(raw, ProfileEncoding.Proto));
    }

    [Fact]
    public void UnpackedRepeatedFieldsAndUnknownFieldsAreRead()
    {
        var b = ProtoProfileBuilder.Heap();
        var loc = b.Location(("main.f", "/a.go", 1));
        var loc2 = b.Location(("main.g", "/a.go", 2));
        var bytes = new List<byte>(b.Bytes());
        // A sample written the proto2 way (unpacked), plus an unknown field 20 inside it and at the top.
        byte[] sample =
        [
            0x08, (byte)loc, 0x08, (byte)loc2,   // location_id, unpacked
            0x10, 1, 0x10, 2, 0x10, 3, 0x10, 4, // value, unpacked
            0xa0, 0x01, 0x07,                    // field 20, varint
        ];
        bytes.AddRange([0x12, (byte)sample.Length, .. sample, 0xa2, 0x01, 0x02, 0xff, 0xff]);
        var data = bytes.ToArray();
        var fast = ProtoDecoder.Decode(data, ProfileEncoding.Proto);
        AssertSame(ProtoDecoder.DecodeWithGeneratedParser(data, ProfileEncoding.Proto), fast);
        var s = Assert.Single(fast.Samples);
        Assert.Equal([1, 2, 3, 4], s.Values);
        Assert.Equal(["main.f", "main.g"], s.Locations.Select(l => l.Lines[0].Function.Name));
    }

    [Fact]
    public void WrongWireTypeForAKnownFieldIsRejected()
    {
        var data = new List<byte>(ProtoProfileBuilder.Heap().Bytes()) { 0x11, 0, 0, 0, 0, 0, 0, 0, 0 }; // field 2 as fixed64
        Assert.Throws<ProfileFormatException>(() => ProtoDecoder.Decode(data.ToArray(), ProfileEncoding.Proto));
    }

    private static void AssertSame(Profile expected, Profile actual)
    {
        Assert.Equal(expected.SampleTypes, actual.SampleTypes);
        Assert.Equal(expected.DefaultSampleType, actual.DefaultSampleType);
        Assert.Equal(expected.PeriodType, actual.PeriodType);
        Assert.Equal(expected.Period, actual.Period);
        Assert.Equal(expected.TimeNanos, actual.TimeNanos);
        Assert.Equal(expected.Comments, actual.Comments);
        Assert.Equal(expected.Functions.Select(f => (f.Id, f.Name, f.Filename, f.StartLine)), actual.Functions.Select(f => (f.Id, f.Name, f.Filename, f.StartLine)));
        Assert.Equal(expected.Locations.Select(Describe), actual.Locations.Select(Describe));
        Assert.Equal(expected.Samples.Length, actual.Samples.Length);
        for (int i = 0; i < expected.Samples.Length; i++)
        {
            Assert.Equal(expected.Samples[i].Values, actual.Samples[i].Values);
            Assert.Equal(expected.Samples[i].Locations.Select(l => l.Id), actual.Samples[i].Locations.Select(l => l.Id));
            Assert.Equal(expected.Samples[i].Labels, actual.Samples[i].Labels);
        }
    }

    private static string Describe(Location l) =>
        $"{l.Id} {l.Address:x} {l.Mapping?.Id} " + string.Join(";", l.Lines.Select(x => $"{x.Function.Id}:{x.LineNumber}"));

    private static byte[] Gunzip(byte[] gz)
    {
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
