namespace MapScope.Cli;

/// <summary>
/// Turns the exceptions that reading an input can raise into short, stable messages
/// ("no such file or directory", "permission denied") instead of .NET's sentences.
/// </summary>
public static class InputErrors
{
    /// <summary>True for exceptions that mean "the input is bad or unreadable" (exit 2) rather than a bug.</summary>
    public static bool IsInputError(Exception e) =>
        e is UsageException or IOException or UnauthorizedAccessException or InvalidDataException;

    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "file name too long",
        _ => OneLine(e.Message),
    };

    /// <summary>Messages must stay on one line whatever the exception carried.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
