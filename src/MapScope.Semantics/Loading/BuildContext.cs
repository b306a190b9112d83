namespace MapScope.Semantics.Loading;

/// <summary>
/// What a build is for: target system, cgo, compiler, release and custom tags. Decides whether a build tag
/// is satisfied, like go/build's Context.matchTag.
/// </summary>
public sealed record BuildContext
{
    public required string GoOS { get; init; }
    public required string GoArch { get; init; }
    public bool CgoEnabled { get; init; }
    public string Compiler { get; init; } = "gc";

    /// <summary>Tags from -tags.</summary>
    public IReadOnlyList<string> BuildTags { get; init; } = [];

    /// <summary>Tags the toolchain adds itself, e.g. goexperiment.regabiargs or amd64.v1.</summary>
    public IReadOnlyList<string> ToolTags { get; init; } = [];

    /// <summary>The GOOS/GOARCH names of the toolchain (file-name suffixes, the unix tag).</summary>
    public KnownPlatforms Platforms { get; init; } = KnownPlatforms.Go119;

    /// <summary>go1.1 … go1.N for the toolchain's release N.</summary>
    public IReadOnlyList<string> ReleaseTags { get; init; } = [];

    /// <summary>Release tags go1.1 through go1.<paramref name="minor"/>.</summary>
    public static IReadOnlyList<string> ReleaseTagsUpTo(int minor) =>
        Enumerable.Range(1, Math.Max(0, minor)).Select(i => "go1." + i).ToArray();

    /// <summary>Whether a single build tag is satisfied in this context.</summary>
    public bool MatchTag(string name)
    {
        if (CgoEnabled && name == "cgo") return true;
        if (name == GoOS || name == GoArch || name == Compiler) return true;
        // Systems that are supersets of another: android builds linux files, illumos solaris, ios darwin.
        if (GoOS == "android" && name == "linux") return true;
        if (GoOS == "illumos" && name == "solaris") return true;
        if (GoOS == "ios" && name == "darwin") return true;
        if (name == "unix" && Platforms.UnixSystems.Contains(GoOS)) return true;
        if (name == "boringcrypto") name = "goexperiment.boringcrypto";
        return BuildTags.Contains(name) || ToolTags.Contains(name) || ReleaseTags.Contains(name);
    }

    public bool Eval(ConstraintExpr x) => x.Eval(MatchTag);
}
