namespace MapScope.Semantics.Loading;

/// <summary>Where and for what to load packages. Unset values come from the environment, as for the go command.</summary>
public sealed record LoadOptions
{
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;
    public string? GoOS { get; init; }
    public string? GoArch { get; init; }
    public bool? CgoEnabled { get; init; }
    /// <summary>Extra build tags (-tags).</summary>
    public IReadOnlyList<string> BuildTags { get; init; } = [];
    /// <summary>Also load every package the matched packages import, transitively (go list -deps).</summary>
    public bool IncludeDependencies { get; init; }
    /// <summary>With <see cref="IncludeDependencies"/>: also load what the matched packages' _test.go files import.</summary>
    public bool IncludeTests { get; init; }
}
