namespace MapScope.Bench.Syntax;

/// <summary>Reads every .go file under a directory into memory, sorted by path.</summary>
internal static class CorpusFiles
{
    public static List<(string Path, byte[] Source)> Load(string root) =>
        Directory.EnumerateFiles(root, "*.go", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllBytes(p)))
            .ToList();

    /// <summary>GOROOT/src of the Go toolchain on this machine, or the MAPSCOPE_BENCH_CORPUS folder.</summary>
    public static string DefaultRoot()
    {
        var env = Environment.GetEnvironmentVariable("MAPSCOPE_BENCH_CORPUS");
        if (!string.IsNullOrEmpty(env)) return env;
        foreach (var dir in new[] { "/usr/lib/go-1.19/src", "/usr/local/go/src", "/usr/lib/go/src" })
            if (Directory.Exists(dir)) return dir;
        throw new InvalidOperationException("no Go source tree found; set MAPSCOPE_BENCH_CORPUS");
    }
}
