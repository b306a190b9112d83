namespace MapScope.Attribution.Tests;

/// <summary>A throwaway Go source tree written by a test; deleted on dispose.</summary>
internal sealed class GoTree : IDisposable
{
    public GoTree(params (string Path, string Source)[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "mapscope-attr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (path, source) in files) Write(path, source);
    }

    public string Root { get; }

    public void Write(string path, string source)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, source.Replace("\r\n", "\n"));
    }

    /// <summary>The 1-based line of the first line containing <paramref name="marker"/> in a file.</summary>
    public int LineOf(string path, string marker)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, path));
        for (int i = 0; i < lines.Length; i++) if (lines[i].Contains(marker, StringComparison.Ordinal)) return i + 1;
        throw new ArgumentException($"{marker} not in {path}");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
