namespace MapScope.Evidence.Pprof;

/// <summary>
/// A decoded, validated pprof profile: the plain data model that every operation in this folder works on
/// (shaped like github.com/google/pprof/profile.Profile). Arrays are shared, never mutated after decoding.
/// </summary>
public sealed class Profile
{
    public required ValueType[] SampleTypes { get; init; }
    public required Sample[] Samples { get; init; }
    public required Location[] Locations { get; init; }
    public required Function[] Functions { get; init; }
    public Mapping[] Mappings { get; init; } = [];

    /// <summary>The sample type pprof shows when none is asked for; "" means the last one.</summary>
    public string DefaultSampleType { get; init; } = "";
    public ValueType? PeriodType { get; init; }
    public long Period { get; init; }
    public long TimeNanos { get; init; }
    public long DurationNanos { get; init; }
    public string DropFrames { get; init; } = "";
    public string KeepFrames { get; init; } = "";
    public string[] Comments { get; init; } = [];
    public string DocUrl { get; init; } = "";

    /// <summary>Which reader produced this profile, for messages.</summary>
    public ProfileEncoding Encoding { get; init; } = ProfileEncoding.Proto;
}

/// <summary>How a profile was stored on disk.</summary>
public enum ProfileEncoding
{
    Proto,
    GzipProto,
    LegacyHeapText,
}
