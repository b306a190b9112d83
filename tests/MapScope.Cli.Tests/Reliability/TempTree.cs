using System.Security.Cryptography;

namespace MapScope.Cli.Tests.Reliability;

/// <summary>A scratch folder for one test, with helpers to plant inputs and prove they were not touched.</summary>
public abstract class TempTree : IDisposable
{
    protected readonly string Dir = Directory.CreateTempSubdirectory("mapscope-rel-").FullName;

    public void Dispose() => Directory.Delete(Dir, true);

    protected string Put(string relative, string text) => Put(relative, System.Text.Encoding.UTF8.GetBytes(text));

    protected string Put(string relative, byte[] bytes)
    {
        var path = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    protected string Fixture(string repoRelative, string asName) => Put(asName, File.ReadAllBytes(MapScope.TestSupport.RepoPaths.Combine(repoRelative)));

    protected void Symlink(string link, string target) => File.CreateSymbolicLink(Path.Combine(Dir, link), target);

    protected void HardLink(string link, string target)
    {
        // .NET has no API for hard links; ln is on every Unix this runs on.
        using var ln = System.Diagnostics.Process.Start("ln", [Path.Combine(Dir, target), Path.Combine(Dir, link)])!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }

    /// <summary>Hashes of every file under the folder (symlinks as their target text), to compare before and after.</summary>
    protected Dictionary<string, string> Snapshot() => Directory.EnumerateFiles(Dir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(Dir, f), f =>
            new FileInfo(f).LinkTarget is { } target ? "-> " + target : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    protected CliRun Run(params string[] args) => CliRun.In(Dir, null, args);

    /// <summary>Exit 2 and exactly one stderr line "mapscope: INPUT: ..." containing <paramref name="expected"/>; no trace.</summary>
    protected static void AssertRefused(CliRun run, string input, string expected)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error);
        var line = Assert.Single(run.ErrorLines, l => !l.StartsWith("run 'mapscope", StringComparison.Ordinal));
        Assert.StartsWith($"mapscope: {input}: ", line);
        Assert.Contains(expected, line);
    }
}
