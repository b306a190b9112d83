namespace MapScope.Cli.Commands;

/// <summary>--tags values as the go command reads -tags: comma-separated (space-separated, the old form, too), repeatable.</summary>
internal static class BuildTagsOption
{
    public static IReadOnlyList<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToArray();
}
