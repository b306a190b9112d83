using MapScope.Cli;
using MapScope.TestSupport;

namespace MapScope.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, from the repository root by default.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args) => In(RepoPaths.Root, null, args);

    public static CliRun In(string workingDirectory, byte[]? stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var host = CliHost.Detached(workingDirectory, stdin is null ? null : new MemoryStream(stdin));
        int code = CliApp.Run(args, stdout, stderr, host);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
