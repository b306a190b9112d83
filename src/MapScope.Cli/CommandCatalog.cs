using System.CommandLine;
using MapScope.Cli.Commands;

namespace MapScope.Cli;

/// <summary>
/// Every subcommand of mapscope, one line each, in the order help lists them.
/// Adding a command: one file under Commands/ with a Create(CliContext) method, plus one line here.
/// </summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<Func<CliContext, Command>> All { get; } =
    [
        LintCommand.Create,
        RulesCommand.Create,
        AstCommand.Create,
        HeapCommand.Create,
        GcTraceCommand.Create,
        EscapeCommand.Create,
        CrashCommand.Create,
        TypesCommand.Create,
    ];
}
