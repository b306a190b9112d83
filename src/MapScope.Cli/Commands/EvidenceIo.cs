using System.Text;

namespace MapScope.Cli.Commands;

/// <summary>
/// Input and output plumbing shared by the runtime-evidence commands (gctrace, escape, crash): open LOG
/// or stdin, refuse to overwrite an input, write text or bytes to stdout or --output.
/// </summary>
internal static class EvidenceIo
{
    /// <summary>Opens LOG ("-" = stdin) for streaming; reports and returns null when it cannot be read.</summary>
    public static Stream? Open(CliContext context, string path)
    {
        try
        {
            if (path == "-") return context.Host.OpenStdin();
            var full = Path.GetFullPath(path, context.Host.WorkingDirectory);
            if (Directory.Exists(full)) throw new IOException("is a directory");
            return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (InputErrors.IsInputError(e))
        {
            context.ReportInputError(DisplayPaths.For(path, context.Host.WorkingDirectory), InputErrors.Describe(e));
            return null;
        }
    }

    /// <summary>An error message when --output names the input, else null.</summary>
    public static string? OutputClash(CliContext context, string input, string? output)
    {
        if (output is null or "-" || input == "-") return null;
        var cwd = context.Host.WorkingDirectory;
        return Path.GetFullPath(output, cwd) == Path.GetFullPath(input, cwd) ? $"--output {output} would overwrite the input {input}" : null;
    }

    /// <summary>Writes a report to stdout or to --output; <paramref name="render"/> gets a writer and, for files, the raw stream.</summary>
    public static void Write(CliContext context, string? output, Action<TextWriter> renderText)
    {
        if (output is null or "-")
        {
            renderText(context.Out);
            return;
        }
        var path = Path.GetFullPath(output, context.Host.WorkingDirectory);
        using var writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None), new UTF8Encoding(false));
        renderText(writer);
    }

    /// <summary>Renders a stream-writing report (JSON) into a writer, followed by a newline.</summary>
    public static void WriteBytes(TextWriter writer, Action<Stream> render)
    {
        using var buffer = new MemoryStream();
        render(buffer);
        writer.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    public static int Usage(CliContext context, string command, string message)
    {
        context.ReportError(message);
        context.Error.WriteLine($"run 'mapscope {command} --help' for usage");
        return CliApp.ExitUsage;
    }
}
