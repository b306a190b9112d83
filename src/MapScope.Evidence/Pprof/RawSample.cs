namespace MapScope.Evidence.Pprof;

/// <summary>
/// A sample as it is on the wire (ids and string indexes still unresolved). Location ids of all samples
/// share one buffer, so decoding allocates little per sample.
/// </summary>
internal readonly record struct RawSample(int IdStart, int IdCount, long[] Values, RawLabel[] Labels);

internal readonly record struct RawLabel(long Key, long Str, long Num, long NumUnit);

/// <summary>All raw samples of a profile and the location-id buffer they index into.</summary>
internal sealed class RawSamples(int capacity)
{
    public List<RawSample> Samples { get; } = new(capacity);
    public List<ulong> LocationIds { get; } = new(capacity * 8);

    public static RawSamples From(Google.Protobuf.Collections.RepeatedField<Proto.Sample> samples)
    {
        var raw = new RawSamples(samples.Count);
        foreach (var s in samples)
        {
            int start = raw.LocationIds.Count;
            raw.LocationIds.AddRange(s.LocationId);
            var labels = s.Label.Select(l => new RawLabel(l.Key, l.Str, l.Num, l.NumUnit)).ToArray();
            raw.Samples.Add(new RawSample(start, s.LocationId.Count, s.Value.ToArray(), labels));
        }
        return raw;
    }
}
