using System.CommandLine;
using MapScope.Reports.Heap;

namespace MapScope.Cli.Commands;

/// <summary>
/// --max-input SIZE, the same option on every command that reads files: the most bytes one input may have
/// (each Go source file for ast, lint and types; the log or profile as read for the evidence commands).
/// Past it the command stops with exit 2 naming the input and the limit, so /dev/zero or a runaway pipe
/// can neither fill memory nor run forever.
/// </summary>
internal static class InputLimit
{
    public const string Flag = "--max-input";

    public static Option<string> Create(long defaultBytes, string what, string? note = null) => new(Flag)
    {
        Description = $"largest {what} accepted, e.g. 512MiB or 8GiB" + (note is null ? "" : $" ({note})"),
        DefaultValueFactory = _ => MapScope.Syntax.Input.BoundedRead.FormatSize(defaultBytes).Replace(" ", "", StringComparison.Ordinal),
        HelpName = "SIZE",
    };

    /// <summary>The limit in bytes; throws a usage error naming the option when the value is not a size.</summary>
    public static long Parse(string text, string flag = Flag)
    {
        if (!ByteSize.TryParse(text, out var bytes) || bytes <= 0)
            throw new UsageException(flag, $"expects a size such as 64MiB or 2GiB, not '{text}'");
        return bytes;
    }
}
