using MapScope.Cli;
using MapScope.TestSupport;

namespace MapScope.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, from the repository root by default.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
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

    /// <summary>
    /// stderr without lint's closing "N findings in M packages, R rules" line, which every lint run that
    /// loaded packages prints: what is left are the messages a test is about.
    /// </summary>
    public string[] Messages => ErrorLines.Where(l => !SummaryLine.IsMatch(l)).ToArray();

    /// <summary>The closing summary line of lint, or null.</summary>
    public string? Summary => ErrorLines.LastOrDefault(SummaryLine.IsMatch);

    private static readonly System.Text.RegularExpressions.Regex SummaryLine =
        new(@"^\d+ findings? in \d+ packages?, \d+ rules?");

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
