namespace MapScope.Cli;

/// <summary>
/// Decides whether a stream gets ANSI colour: only when it is a terminal, never when NO_COLOR is set
/// to anything non-empty (https://no-color.org) and never for TERM=dumb.
/// </summary>
public static class ColorPolicy
{
    public static bool ShouldColor(bool isTerminal, Func<string, string?> getEnvironmentVariable)
    {
        if (!isTerminal) return false;
        if (!string.IsNullOrEmpty(getEnvironmentVariable("NO_COLOR"))) return false;
        return getEnvironmentVariable("TERM") != "dumb";
    }
}
