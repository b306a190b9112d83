namespace MapScope.Cli;

/// <summary>
/// Bad usage or unreadable input found by a command. CliApp prints it as one line
/// ("mapscope: INPUT: MESSAGE") and exits 2, never with a stack trace.
/// </summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }

    public UsageException(string input, string message, Exception? inner = null) : base(message, inner) => Input = input;

    /// <summary>The file, argument or value the message is about, if any.</summary>
    public string? Input { get; }
}
