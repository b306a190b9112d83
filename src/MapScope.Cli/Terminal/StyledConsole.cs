using Spectre.Console;

namespace MapScope.Cli;

/// <summary>
/// Spectre.Console over one of our writers, with colour decided by <see cref="ColorPolicy"/> instead of
/// Spectre's own detection, so redirected output and NO_COLOR always give plain text.
/// </summary>
public static class StyledConsole
{
    public static IAnsiConsole Create(TextWriter writer, bool color) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
        ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(writer),
    });

    /// <summary>A console for a command's stdout.</summary>
    public static IAnsiConsole ForOut(CliContext context) => Create(context.Out, context.ColorOut);

    /// <summary>A console for stderr (progress, warnings).</summary>
    public static IAnsiConsole ForError(CliContext context) => Create(context.Error, context.ColorError);
}
