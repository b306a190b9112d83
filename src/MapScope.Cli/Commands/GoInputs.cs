using MapScope.Syntax.Input;

namespace MapScope.Cli.Commands;

/// <summary>One Go source to read: a file path, or stdin when Path is "-".</summary>
internal sealed record GoInput(string Path, string Display)
{
    /// <summary>The file's bytes, at most <paramref name="limit"/> of them (devices and pipes are cut off there).</summary>
    public byte[] Read(CliHost host, long limit)
    {
        if (Path != "-") return BoundedRead.File(System.IO.Path.GetFullPath(Path, host.WorkingDirectory), limit, InputLimit.Flag);
        using var stdin = host.OpenStdin();
        return BoundedRead.Stream(stdin, limit, InputLimit.Flag);
    }
}

/// <summary>
/// Expands command-line arguments into Go sources: a directory means its *.go files (sorted, not
/// recursive), "-" means stdin. Problems found here are reported at once and the rest goes on.
/// </summary>
internal static class GoInputs
{
    public static List<GoInput> Expand(IEnumerable<string> arguments, CliContext context, out bool failed)
    {
        failed = false;
        var inputs = new List<GoInput>();
        bool sawStdin = false;
        foreach (var argument in arguments)
        {
            if (argument == "-")
            {
                if (sawStdin)
                {
                    context.ReportInputError("-", "stdin given more than once");
                    failed = true;
                    continue;
                }
                sawStdin = true;
                inputs.Add(new GoInput("-", DisplayPaths.Stdin));
                continue;
            }
            var full = Path.GetFullPath(argument, context.Host.WorkingDirectory);
            if (!Directory.Exists(full))
            {
                // A missing or unreadable file is reported when it is read, in order with the others.
                inputs.Add(new GoInput(argument, DisplayPaths.For(argument, context.Host.WorkingDirectory)));
                continue;
            }
            var names = Directory.EnumerateFiles(full, "*.go")
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToList();
            if (names.Count == 0)
            {
                context.ReportInputError(DisplayPaths.For(argument, context.Host.WorkingDirectory), "no .go files in directory");
                failed = true;
                continue;
            }
            foreach (var name in names)
            {
                var path = Path.Combine(argument, name);
                inputs.Add(new GoInput(path, DisplayPaths.For(path, context.Host.WorkingDirectory)));
            }
        }
        return inputs;
    }
}
