namespace MapScope.Evidence.Pprof;

/// <summary>
/// pprof's -diff_base: the base profile's samples are negated, tagged with the label
/// <see cref="BaseLabel"/>=true and merged into the profile, so every aggregate is "now minus base" and
/// percentages can be taken relative to the base (see <see cref="Totals"/>). Negative values are allowed.
/// </summary>
public static class Diff
{
    public const string BaseLabel = "pprof::base";

    public static Profile DiffBase(Profile current, Profile @base)
    {
        CheckComparable(current, @base);
        var merger = new ProfileMerger();
        var samples = new Sample[current.Samples.Length + @base.Samples.Length];
        int n = 0;
        foreach (var s in current.Samples)
            samples[n++] = new Sample(merger.Stack(s.Locations), s.Values, s.Labels);
        var tag = Label.String(BaseLabel, "true");
        foreach (var s in @base.Samples)
        {
            var negated = new long[s.Values.Length];
            for (int i = 0; i < negated.Length; i++) negated[i] = -s.Values[i];
            samples[n++] = new Sample(merger.Stack(s.Locations), negated, [.. s.Labels, tag]);
        }
        return new Profile
        {
            SampleTypes = current.SampleTypes,
            DefaultSampleType = current.DefaultSampleType,
            Samples = samples,
            Locations = merger.Locations.ToArray(),
            Functions = merger.Functions.ToArray(),
            Mappings = merger.Mappings.ToArray(),
            PeriodType = current.PeriodType,
            Period = current.Period,
            TimeNanos = current.TimeNanos,
            DurationNanos = current.DurationNanos,
            Comments = current.Comments,
            Encoding = current.Encoding,
        };
    }

    /// <summary>True for a sample that came from the base of a <see cref="DiffBase"/> profile.</summary>
    public static bool IsBase(Sample s)
    {
        foreach (var l in s.Labels)
            if (l.Str == "true" && l.Key == BaseLabel) return true;
        return false;
    }

    private static void CheckComparable(Profile a, Profile b)
    {
        static string Describe(Profile p) => string.Join(", ", p.SampleTypes.Select(t => t.ToString()));
        if (!a.SampleTypes.SequenceEqual(b.SampleTypes))
            throw new IncompatibleProfilesException(
                $"the base profile's sample types ({Describe(b)}) differ from the profile's ({Describe(a)}); compare profiles of the same kind");
    }
}

/// <summary>Two profiles that cannot be compared (different sample types).</summary>
public sealed class IncompatibleProfilesException(string message) : Exception(message);
