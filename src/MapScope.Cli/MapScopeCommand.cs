using System.CommandLine;

namespace MapScope.Cli;

/// <summary>
/// A subcommand with a one-line description (listed in `mapscope --help`), longer details and examples
/// (shown in its own --help).
/// </summary>
public class MapScopeCommand(string name, string summary) : Command(name, summary)
{
    /// <summary>Paragraphs shown after the description in the command's own help.</summary>
    public string? Details { get; init; }

    /// <summary>Example command lines, each optionally followed by "  # what it does".</summary>
    public List<string> Examples { get; } = [];

    /// <summary>
    /// Adds a positional argument that rejects values looking like options: System.CommandLine would
    /// otherwise take a mistyped "--fromat" as a file name. A file really named "-x" can be given as "./-x".
    /// </summary>
    public void AddPaths(Argument<string[]> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"unknown option '{token.Value}'");
        });
        Add(argument);
    }
}
