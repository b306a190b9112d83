using System.Text;

namespace MapScope.Cli.Commands;

/// <summary>
/// Input plumbing shared by the runtime-evidence commands (gctrace, escape, crash): open LOG or stdin with
/// a size limit, render byte-writing reports into a writer. Output goes through <see cref="Output.ReportFile"/>.
/// </summary>
internal static class EvidenceIo
{
    /// <summary>The default --max-input of the log readers: they stream, so this bounds time, not memory.</summary>
    public const long DefaultMaxLogBytes = 4L << 30;

    /// <summary>
    /// Opens LOG ("-" = stdin) for streaming, failing past <paramref name="limit"/> bytes; reports and returns
    /// null when it cannot be opened.
    /// </summary>
    public static Stream? Open(CliContext context, string path, long limit)
    {
        try
        {
            if (path == "-") return new LimitedStream(context.Host.OpenStdin(), limit);
            var full = Path.GetFullPath(path, context.Host.WorkingDirectory);
            if (Directory.Exists(full)) throw new IOException("is a directory");
            return new LimitedStream(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan), limit);
        }
        catch (Exception e) when (InputErrors.IsInputError(e))
        {
            context.ReportInputError(DisplayPaths.For(path, context.Host.WorkingDirectory), InputErrors.Describe(e));
            return null;
        }
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
