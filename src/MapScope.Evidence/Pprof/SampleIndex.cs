using System.Globalization;

namespace MapScope.Evidence.Pprof;

/// <summary>Chooses which sample value to report, as pprof's -sample_index does.</summary>
public static class SampleIndex
{
    /// <summary>
    /// "" or null: the profile's default_sample_type, else the last type (Go heap profiles: inuse_space).
    /// A number is an index. A name matches a type exactly or, without its "inuse_" prefix, so that
    /// inuse_space selects "space" in old profiles that only have objects/space.
    /// </summary>
    public static int ByName(Profile profile, string? name)
    {
        var types = profile.SampleTypes;
        if (types.Length == 0) throw new UnknownSampleTypeException("the profile has no sample types");
        if (string.IsNullOrEmpty(name))
        {
            if (profile.DefaultSampleType.Length > 0)
                for (int i = 0; i < types.Length; i++)
                    if (types[i].Type == profile.DefaultSampleType) return i;
            return types.Length - 1;
        }
        if (int.TryParse(name, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            if (n < 0 || n >= types.Length)
                throw new UnknownSampleTypeException($"sample index {n} is outside [0..{types.Length - 1}]");
            return n;
        }
        var noInuse = name.StartsWith("inuse_", StringComparison.Ordinal) ? name["inuse_".Length..] : name;
        for (int i = 0; i < types.Length; i++)
            if (types[i].Type == name || types[i].Type == noInuse) return i;
        throw new UnknownSampleTypeException(
            $"sample type '{name}' is not in the profile; it has: {string.Join(", ", types.Select(t => t.Type))}");
    }

    /// <summary>
    /// The companion value of a heap sample type: inuse_space &lt;-&gt; inuse_objects, alloc_space &lt;-&gt;
    /// alloc_objects (space &lt;-&gt; objects in old profiles); -1 when there is none.
    /// </summary>
    public static int Companion(Profile profile, int index)
    {
        var type = profile.SampleTypes[index].Type;
        string? other = type switch
        {
            "inuse_space" => "inuse_objects",
            "inuse_objects" => "inuse_space",
            "alloc_space" => "alloc_objects",
            "alloc_objects" => "alloc_space",
            "space" => "objects",
            "objects" => "space",
            _ => null,
        };
        if (other is null) return -1;
        for (int i = 0; i < profile.SampleTypes.Length; i++)
            if (profile.SampleTypes[i].Type == other) return i;
        return -1;
    }
}

/// <summary>A requested sample type the profile does not have: a usage error, not a corrupt profile.</summary>
public sealed class UnknownSampleTypeException(string message) : Exception(message);
