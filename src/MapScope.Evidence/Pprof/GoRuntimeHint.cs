namespace MapScope.Evidence.Pprof;

/// <summary>Which map implementation the program that wrote a profile ran with.</summary>
public enum MapImplementation
{
    /// <summary>The profile does not say (e.g. a -trimpath build, whose files carry no GOROOT).</summary>
    Unknown,
    /// <summary>Hash buckets of 8 slots with overflow chains (Go ≤ 1.23, or GOEXPERIMENT=noswissmap).</summary>
    Classic,
    /// <summary>Swiss tables: groups of 8 control bytes + 8 slots, tables of up to 1024 slots, a directory (Go 1.24+).</summary>
    Swiss,
}

/// <summary>What a profile shows of the Go runtime that wrote it, and the text that shows it.</summary>
public sealed record GoRuntimeHint(MapImplementation Maps, string? Release, string Evidence)
{
    public static readonly GoRuntimeHint Unknown = new(MapImplementation.Unknown, null, "no internal/runtime/maps frame and no GOROOT path with a version in the profile");

    /// <summary>
    /// Reads the hint from the profile's functions: an internal/runtime/maps function or a *_swiss.go /
    /// *_noswiss.go file names the implementation outright; otherwise a GOROOT path with a release in it
    /// (Debian's /usr/lib/go-1.24/src/, an unpacked /opt/go1.24.4/src/) gives the release, whose default
    /// implementation is assumed (Swiss from 1.24). Heap profiles drop the runtime's leaf frames, but the
    /// profile writer's own runtime/pprof frames keep the GOROOT of builds without -trimpath.
    /// </summary>
    public static GoRuntimeHint FromProfile(Profile profile)
    {
        string? release = null, releaseFile = null;
        foreach (var f in profile.Functions)
        {
            if (f.Name.StartsWith("internal/runtime/maps.", StringComparison.Ordinal))
                return new(MapImplementation.Swiss, release, "function " + f.Name);
            if (f.Filename.EndsWith("_noswiss.go", StringComparison.Ordinal))
                return new(MapImplementation.Classic, release, "file " + f.Filename);
            if (f.Filename.EndsWith("_swiss.go", StringComparison.Ordinal))
                return new(MapImplementation.Swiss, release, "file " + f.Filename);
            if (release is null && ReleaseInGoRoot(f.Filename) is { } r)
            {
                release = r;
                releaseFile = f.Filename;
            }
        }
        if (release is null) return Unknown;
        var maps = IsAtLeast(release, 24) ? MapImplementation.Swiss : MapImplementation.Classic;
        return new(maps, release, $"GOROOT of Go {release} in {releaseFile} (its default map implementation)");
    }

    /// <summary>"1.24" from ".../go-1.24/src/..." or ".../go1.24.4/src/...", else null.</summary>
    internal static string? ReleaseInGoRoot(string path)
    {
        int src = path.IndexOf("/src/", StringComparison.Ordinal);
        while (src > 0)
        {
            int slash = path.LastIndexOf('/', src - 1);
            var dir = path.AsSpan(slash + 1, src - slash - 1);
            if (dir.StartsWith("go-")) dir = dir[3..];
            else if (dir.StartsWith("go")) dir = dir[2..];
            else dir = default;
            if (dir.StartsWith("1.") && ParseRelease(dir) is { } r) return r;
            src = path.IndexOf("/src/", src + 1, StringComparison.Ordinal);
        }
        return null;
    }

    private static string? ParseRelease(ReadOnlySpan<char> version)
    {
        // "1.24", "1.24.4", "1.24rc1": major "1", then the minor's digits.
        int i = 2, start = 2;
        while (i < version.Length && char.IsAsciiDigit(version[i])) i++;
        if (i == start) return null;
        if (i < version.Length && version[i] != '.' && !char.IsAsciiLetter(version[i])) return null;
        return "1." + version[start..i].ToString();
    }

    private static bool IsAtLeast(string release, int minor) => int.TryParse(release.AsSpan(2), out int m) && m >= minor;
}
