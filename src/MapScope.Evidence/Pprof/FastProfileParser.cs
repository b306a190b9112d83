using System.Text;
using Google.Protobuf;

namespace MapScope.Evidence.Pprof;

/// <summary>
/// Splits a profile.proto message into the generated <see cref="Proto.Profile"/> (sample types, mappings,
/// locations, functions, strings and scalars, each parsed by Google.Protobuf's generated code) and the
/// samples, which are read straight into <see cref="RawSamples"/>. Samples are most of a heap profile's
/// bytes; decoding each into three RepeatedFields plus Label objects was the largest cost of a read.
/// A test checks that this and the generated parser agree on every fixture.
/// </summary>
internal static class FastProfileParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static (Proto.Profile Message, RawSamples Samples) Parse(ReadOnlySpan<byte> data)
    {
        var m = new Proto.Profile();
        var raw = new RawSamples(Math.Max(16, data.Length / 96));
        var scratch = new List<long>(8);
        var r = new WireReader(data);
        try
        {
            while (!r.End)
            {
                var (field, wire) = r.ReadTag();
                switch (field, wire)
                {
                    case (1, WireReader.LengthDelimited): m.SampleType.Add(Proto.ValueType.Parser.ParseFrom(r.ReadBytes())); break;
                    case (2, WireReader.LengthDelimited): ReadSample(r.ReadBytes(), raw, scratch); break;
                    case (3, WireReader.LengthDelimited): m.Mapping.Add(Proto.Mapping.Parser.ParseFrom(r.ReadBytes())); break;
                    case (4, WireReader.LengthDelimited): m.Location.Add(Proto.Location.Parser.ParseFrom(r.ReadBytes())); break;
                    case (5, WireReader.LengthDelimited): m.Function.Add(Proto.Function.Parser.ParseFrom(r.ReadBytes())); break;
                    case (6, WireReader.LengthDelimited): m.StringTable.Add(StrictUtf8.GetString(r.ReadBytes())); break;
                    case (7, WireReader.Varint): m.DropFrames = (long)r.ReadVarint(); break;
                    case (8, WireReader.Varint): m.KeepFrames = (long)r.ReadVarint(); break;
                    case (9, WireReader.Varint): m.TimeNanos = (long)r.ReadVarint(); break;
                    case (10, WireReader.Varint): m.DurationNanos = (long)r.ReadVarint(); break;
                    case (11, WireReader.LengthDelimited):
                        m.PeriodType ??= new Proto.ValueType();
                        m.PeriodType.MergeFrom(r.ReadBytes().ToArray());
                        break;
                    case (12, WireReader.Varint): m.Period = (long)r.ReadVarint(); break;
                    case (13, WireReader.Varint): m.Comment.Add((long)r.ReadVarint()); break;
                    case (13, WireReader.LengthDelimited):
                        var packed = new WireReader(r.ReadBytes());
                        while (!packed.End) m.Comment.Add((long)packed.ReadVarint());
                        break;
                    case (14, WireReader.Varint): m.DefaultSampleType = (long)r.ReadVarint(); break;
                    case (15, WireReader.Varint): m.DocUrl = (long)r.ReadVarint(); break;
                    default:
                        if (field <= 15) throw new ProfileFormatException($"not a valid profile.proto message (field {field} has wire type {wire})");
                        r.Skip(wire); // a field from a newer profile.proto
                        break;
                }
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ProfileFormatException($"not a valid profile.proto message ({BoundedInput.OneLine(e.Message)})", e);
        }
        catch (DecoderFallbackException)
        {
            throw new ProfileFormatException("not a valid profile.proto message (a string is not valid UTF-8)");
        }
        return (m, raw);
    }

    private static void ReadSample(ReadOnlySpan<byte> data, RawSamples raw, List<long> values)
    {
        var ids = raw.LocationIds;
        int start = ids.Count;
        values.Clear();
        RawLabel[] labels = [];
        var r = new WireReader(data);
        while (!r.End)
        {
            var (field, wire) = r.ReadTag();
            switch (field, wire)
            {
                case (1, WireReader.LengthDelimited):
                    var packedIds = new WireReader(r.ReadBytes());
                    while (!packedIds.End) ids.Add(packedIds.ReadVarint());
                    break;
                case (1, WireReader.Varint): ids.Add(r.ReadVarint()); break;
                case (2, WireReader.LengthDelimited):
                    var packedValues = new WireReader(r.ReadBytes());
                    while (!packedValues.End) values.Add((long)packedValues.ReadVarint());
                    break;
                case (2, WireReader.Varint): values.Add((long)r.ReadVarint()); break;
                case (3, WireReader.LengthDelimited): labels = [.. labels, ReadLabel(r.ReadBytes())]; break;
                default:
                    if (field <= 3) throw new ProfileFormatException($"not a valid profile.proto message (sample field {field} has wire type {wire})");
                    r.Skip(wire);
                    break;
            }
        }
        raw.Samples.Add(new RawSample(start, ids.Count - start, values.ToArray(), labels));
    }

    private static RawLabel ReadLabel(ReadOnlySpan<byte> data)
    {
        long key = 0, str = 0, num = 0, unit = 0;
        var r = new WireReader(data);
        while (!r.End)
        {
            var (field, wire) = r.ReadTag();
            if (wire != WireReader.Varint || field > 4) { r.Skip(wire); continue; }
            long v = (long)r.ReadVarint();
            switch (field)
            {
                case 1: key = v; break;
                case 2: str = v; break;
                case 3: num = v; break;
                case 4: unit = v; break;
            }
        }
        return new RawLabel(key, str, num, unit);
    }
}
