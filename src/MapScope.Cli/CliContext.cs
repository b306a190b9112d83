namespace MapScope.Cli;

/// <summary>Everything a command's action needs: the output streams and the host.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, CliHost host)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;
    public CliHost Host { get; } = host;

    /// <summary>Colour for stdout: only on a terminal, never with NO_COLOR.</summary>
    public bool ColorOut => ColorPolicy.ShouldColor(Host.StdoutIsTerminal, Host.GetEnvironmentVariable);

    /// <summary>Colour for stderr: only on a terminal, never with NO_COLOR.</summary>
    public bool ColorError => ColorPolicy.ShouldColor(Host.StderrIsTerminal, Host.GetEnvironmentVariable);

    /// <summary>Writes the conventional one-line error "mapscope: MESSAGE" to stderr.</summary>
    public void ReportError(string message) => Error.WriteLine($"{CliApp.Name}: {message}");

    /// <summary>Writes "mapscope: INPUT: MESSAGE" to stderr.</summary>
    public void ReportInputError(string input, string message) => ReportError($"{input}: {message}");
}
