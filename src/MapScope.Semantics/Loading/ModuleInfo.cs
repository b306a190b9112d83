namespace MapScope.Semantics.Loading;

/// <summary>The module a package belongs to (go list's Module field).</summary>
public sealed record ModuleInfo
{
    public required string Path { get; init; }
    public string? Version { get; init; }
    public string? Dir { get; init; }
    /// <summary>The module's go line ("1.22"): the language version its packages are compiled with.</summary>
    public string? GoVersion { get; init; }
    /// <summary>The toolchain line of the main module's go.mod, or null.</summary>
    public string? Toolchain { get; init; }
    /// <summary>The main module (the one whose go.mod the command runs in).</summary>
    public bool Main { get; init; }
    /// <summary>Where a replace directive points this module, if any.</summary>
    public ModuleInfo? Replace { get; init; }
}
