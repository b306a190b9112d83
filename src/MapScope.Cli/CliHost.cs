namespace MapScope.Cli;

/// <summary>
/// What a command may know about the process around it besides stdout/stderr: stdin, the working
/// directory, environment variables and whether the streams are terminals. Tests pass their own.
/// </summary>
public sealed record CliHost(
    Func<Stream> OpenStdin,
    string WorkingDirectory,
    Func<string, string?> GetEnvironmentVariable,
    bool StdoutIsTerminal,
    bool StderrIsTerminal)
{
    /// <summary>The real process: console streams, current directory, real environment.</summary>
    public static CliHost FromProcess() => new(
        Console.OpenStandardInput,
        Environment.CurrentDirectory,
        Environment.GetEnvironmentVariable,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected)
    { StdinIsFileDescriptorZero = true };

    /// <summary>
    /// Stdin is this process's descriptor 0, so when it is a redirected file (`mapscope gctrace - -o gc.log &lt; gc.log`)
    /// that file is an input --output must not replace.
    /// </summary>
    public bool StdinIsFileDescriptorZero { get; init; }

    /// <summary>A host with no terminal and an empty environment, for tests and embedding.</summary>
    public static CliHost Detached(string? workingDirectory = null, Stream? stdin = null) => new(
        () => stdin ?? Stream.Null,
        workingDirectory ?? Environment.CurrentDirectory,
        _ => null,
        false,
        false);

    /// <summary>MAPSCOPE_DEBUG=1 shows stack traces of internal errors.</summary>
    public bool Debug => GetEnvironmentVariable("MAPSCOPE_DEBUG") == "1";
}
