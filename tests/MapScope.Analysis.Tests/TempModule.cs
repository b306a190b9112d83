namespace MapScope.Analysis.Tests;

/// <summary>A Go module (module example.com/testdata) written into a fresh temporary folder, deleted on dispose.</summary>
public sealed class TempModule : IDisposable
{
    public string Dir { get; }

    public TempModule(Dictionary<string, string> files, string goMod = "module example.com/testdata\n\ngo 1.19\n")
    {
        Dir = Path.Combine(Path.GetTempPath(), "mapscope-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Dir);
        File.WriteAllText(Path.Combine(Dir, "go.mod"), goMod);
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(Dir, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
