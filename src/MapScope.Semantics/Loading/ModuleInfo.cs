namespace MapScope.Semantics.Loading;

/// <summary>The module a package belongs to (go list's Module field).</summary>
public sealed record ModuleInfo
{
    public required string Path { get; init; }
    public string? Version { get; init; }
    public string? Dir { get; init; }
    public string? GoVersion { get; init; }
    /// <summary>The main module (the one whose go.mod the command runs in).</summary>
    public bool Main { get; init; }
    /// <summary>Where a replace directive points this module, if any.</summary>
    public ModuleInfo? Replace { get; init; }
}
