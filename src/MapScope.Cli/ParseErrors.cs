using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace MapScope.Cli;

/// <summary>System.CommandLine's parse errors as "OPTION: message": every error names the option it is about.</summary>
internal static partial class ParseErrors
{
    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:\s*(?<choices>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotAmong();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '.*' as expected type '(?<type>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex WrongType();

    public static string Describe(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option.Name,
            ArgumentResult { Parent: OptionResult o } => o.Option.Name,
            _ => null,
        };
        var message = InputErrors.OneLine(error.Message);
        if (NotAmong().Match(message) is { Success: true } m)
        {
            var choices = string.Join(", ", m.Groups["choices"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim('\'')));
            message = $"unknown value '{m.Groups["value"].Value}' (choose one of {choices})";
        }
        else if (WrongType().Match(message) is { Success: true } t)
        {
            var expected = t.Groups["type"].Value switch
            {
                "System.Int32" or "System.Int64" => "a whole number",
                "System.Boolean" => "true or false",
                var other => "a value of type " + other,
            };
            message = $"'{t.Groups["value"].Value}' is not {expected}";
        }
        return option is null ? message : $"{option}: {message}";
    }
}
