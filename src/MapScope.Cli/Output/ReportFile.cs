using System.Text;

namespace MapScope.Cli.Output;

/// <summary>
/// Where a report goes: stdout, or --output FILE. A file is written to a temporary file next to its real
/// target (symlinks resolved) and renamed over it only once the report is complete, so a failed or
/// interrupted run leaves the old file as it was and never half a report. Special files (/dev/null,
/// /dev/stdout, a FIFO) are written in place: renaming over them would replace the device.
/// </summary>
internal sealed class ReportFile
{
    private readonly CliContext _context;
    private readonly string? _given;

    private ReportFile(CliContext context, string? given)
    {
        _context = context;
        _given = given;
    }

    /// <summary>True when the report goes to a file rather than stdout.</summary>
    public bool IsFile => _given is not null;

    /// <summary>
    /// The destination for --output (null or "-": stdout), checked against what the command reads.
    /// Throws <see cref="UsageException"/> naming the output when writing there could lose something.
    /// </summary>
    public static ReportFile For(CliContext context, string? output, ProtectedInputs inputs)
    {
        if (output is null or "-") return new ReportFile(context, null);
        if (inputs.Refusal(output) is { } refusal) throw new UsageException(output, refusal);
        return new ReportFile(context, output);
    }

    /// <summary>Checks the destination again, e.g. once lint knows which package folders it read.</summary>
    public void Recheck(ProtectedInputs inputs)
    {
        if (_given is not null && inputs.Refusal(_given) is { } refusal) throw new UsageException(_given, refusal);
    }

    /// <summary>Renders the report into stdout or the file.</summary>
    public void Write(Action<TextWriter> render)
    {
        if (_given is null)
        {
            render(_context.Out);
            return;
        }
        try
        {
            WriteFile(FileIdentity.RealPathOf(Path.GetFullPath(_given, _context.Host.WorkingDirectory)), render);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(_given, InputErrors.Describe(e), e);
        }
    }

    private static void WriteFile(string target, Action<TextWriter> render)
    {
        var existing = FileIdentity.Of(target);
        if (existing is { IsRegular: false, IsDirectory: false })
        {
            using var special = new StreamWriter(new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false));
            render(special);
            return;
        }
        var dir = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true)) render(writer);
                stream.Flush(flushToDisk: true);
            }
            if (existing is not null && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
