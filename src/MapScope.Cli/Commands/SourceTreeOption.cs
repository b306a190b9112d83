namespace MapScope.Cli.Commands;

/// <summary>--source DIR of the evidence commands: the folder must exist and be a folder.</summary>
internal static class SourceTreeOption
{
    /// <summary>The full path of DIR (null when not given); a usage error naming DIR when it is not a folder.</summary>
    public static string? Resolve(CliContext context, string? source)
    {
        if (source is null) return null;
        var full = Path.GetFullPath(source, context.Host.WorkingDirectory);
        if (Directory.Exists(full)) return full;
        throw new UsageException(source, File.Exists(full) ? "--source is a file, not a directory (give the folder of the Go source tree)" : "--source: no such directory");
    }
}
