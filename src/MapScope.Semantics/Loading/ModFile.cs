namespace MapScope.Semantics.Loading;

public sealed record ModRequire(string Path, string Version, bool Indirect);

/// <summary>A replace directive; <see cref="OldVersion"/> null replaces every version, <see cref="NewVersion"/> null means a local directory.</summary>
public sealed record ModReplace(string OldPath, string? OldVersion, string NewPath, string? NewVersion)
{
    public bool IsLocalDirectory => NewVersion is null;
}

public sealed record ModExclude(string Path, string Version);

/// <summary>The parts of a go.mod file that decide where imports come from.</summary>
public sealed record ModFile
{
    public string ModulePath { get; init; } = "";
    /// <summary>The go directive ("1.19"), or null.</summary>
    public string? GoVersion { get; init; }
    /// <summary>The toolchain line ("go1.26.3"), or null.</summary>
    public string? Toolchain { get; init; }
    /// <summary>godebug key=value settings, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> GoDebug { get; init; } = [];
    public IReadOnlyList<ModRequire> Requires { get; init; } = [];
    public IReadOnlyList<ModReplace> Replaces { get; init; } = [];
    public IReadOnlyList<ModExclude> Excludes { get; init; } = [];
    /// <summary>Problems as "LINE: message"; parsing continues past them.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The replacement that applies to a module version: an exact version match wins over a versionless one.</summary>
    public ModReplace? FindReplace(string path, string? version) =>
        Replaces.FirstOrDefault(r => r.OldPath == path && r.OldVersion != null && r.OldVersion == version)
        ?? Replaces.FirstOrDefault(r => r.OldPath == path && r.OldVersion == null);

    /// <summary>The go directive as a minor version (1.19 → 19), or null.</summary>
    public int? GoMinor => GoVersions.Minor(GoVersion);
}
