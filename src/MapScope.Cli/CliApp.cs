using System.CommandLine;
using System.CommandLine.Invocation;

namespace MapScope.Cli;

/// <summary>
/// The mapscope command line: builds the commands from <see cref="CommandCatalog"/>, runs one, and turns
/// every failure into one line on stderr and an exit code (0 clean, 1 findings, 2 bad usage or
/// unreadable input, 3 internal error). The only place that decides exit codes for errors.
/// </summary>
public static class CliApp
{
    public const string Name = "mapscope";

    public const int ExitClean = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;
    public const int ExitInternal = 3;

    private const string Description =
        "mapscope diagnoses Go maps: it reads Go source the way the Go toolchain does and points at map misuse.\n\n" +
        "Exit codes: 0 clean, 1 findings, 2 bad usage, unreadable input or an incomplete run, 3 internal error\n" +
        "(docs/cli.md lists them per command, with the size limits and what each command refuses to overwrite).\n" +
        "Colour is used only on a terminal and never when NO_COLOR is set.";

    /// <summary>"0.1.0": the assembly version without any source-revision suffix.</summary>
    public static string Version { get; } = FormatVersion(typeof(CliApp).Assembly.GetName().Version);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliHost? host = null)
    {
        var context = new CliContext(stdout, stderr, host ?? CliHost.FromProcess());
        try
        {
            var root = BuildRoot(context);
            var parse = root.Parse(Aliases(args));
            if (parse.Errors.Count > 0 && parse.Action is not CommandLineAction { ClearsParseErrors: true })
                return ReportParseError(context, parse);
            return parse.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (Exception e) when (InputErrors.IsInputError(e))
        {
            var input = (e as UsageException)?.Input;
            context.ReportError(input is null ? InputErrors.Describe(e) : $"{input}: {InputErrors.Describe(e)}");
            return ExitUsage;
        }
        catch (Exception e)
        {
            context.ReportError("internal error: " + InputErrors.OneLine($"{e.GetType().Name}: {e.Message}"));
            if (context.Host.Debug) stderr.WriteLine(e);
            return ExitInternal;
        }
    }

    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(Description);
        foreach (var create in CommandCatalog.All) root.Add(create(context));
        foreach (var option in root.Options)
            if (option is VersionOption version) version.Action = new PrintVersion();
        HelpText.Install(root);
        return root;
    }

    /// <summary>
    /// The words go and git users type: `mapscope help [COMMAND]`, `mapscope version`, `-V`. They are spelled
    /// as the options System.CommandLine knows (--help, --version) before parsing.
    /// </summary>
    internal static string[] Aliases(string[] args) => args switch
    {
        ["help"] => ["--help"],
        ["help", var command, .. var rest] => [command, .. rest, "--help"],
        ["version"] or ["-V"] => ["--version"],
        _ => args,
    };

    /// <summary>One line naming the first problem, and a hint where to read more.</summary>
    private static int ReportParseError(CliContext context, ParseResult parse)
    {
        // An unknown word explains more than the "required command was not provided" that comes with it.
        bool atRoot = parse.CommandResult.Command is RootCommand;
        var first = parse.UnmatchedTokens.Count > 0
            ? (atRoot ? "unknown command" : parse.UnmatchedTokens[0].StartsWith('-') && parse.UnmatchedTokens[0].Length > 1 ? "unknown option" : "unexpected argument") + $" '{parse.UnmatchedTokens[0]}'"
            : ParseErrors.Describe(parse.Errors[0]);
        if (atRoot && parse.Tokens.Count == 0)
            first = "no command given";
        context.ReportError(Sentence(InputErrors.OneLine(first)));
        var command = atRoot ? Name : $"{Name} {parse.CommandResult.Command.Name}";
        context.Error.WriteLine($"run '{command} --help' for usage");
        return ExitUsage;
    }

    /// <summary>"Unrecognized command 'x'." -> "unrecognized command 'x'", as Go tools phrase errors.</summary>
    private static string Sentence(string message)
    {
        message = message.TrimEnd('.');
        if (message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1]))
            message = char.ToLowerInvariant(message[0]) + message[1..];
        return message;
    }

    private static string FormatVersion(Version? v) => v is null ? "0.0.0" : $"{v.Major}.{v.Minor}.{Math.Max(v.Build, 0)}";

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"{Name} {Version}");
            return ExitClean;
        }
    }
}
