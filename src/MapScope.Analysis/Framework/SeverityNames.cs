namespace MapScope.Analysis.Framework;

/// <summary>The lower-case names of severities used in config, on the command line and in reports.</summary>
public static class SeverityNames
{
    public static string Name(this Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>"error", "warning" or "info" (any case); null otherwise.</summary>
    public static Severity? Parse(string? s) => s?.ToLowerInvariant() switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };
}
