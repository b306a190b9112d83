using System.IO.Compression;
using System.Text;

namespace MapScope.Cli.Tests.Heap;

/// <summary>Corrupt, truncated, non-profile and oversized inputs: one line naming the input, exit 2, no trace.</summary>
public sealed class HeapBadInputTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("mapscope-heap-bad-");

    public void Dispose() => _dir.Delete(true);

    private CliRun RunOn(string name, byte[] content, params string[] extra)
    {
        File.WriteAllBytes(Path.Combine(_dir.FullName, name), content);
        return CliRun.In(_dir.FullName, null, ["heap", name, .. extra]);
    }

    private static void AssertOneLineError(CliRun run, string input, string expected)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"mapscope: {input}: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Truncated()
    {
        var good = File.ReadAllBytes(MapScope.TestSupport.RepoPaths.Combine("tests/fixtures/heap/cache/profiles/heap-3.pb.gz"));
        AssertOneLineError(RunOn("cut.pb.gz", good[..(good.Length * 2 / 3)]), "cut.pb.gz", "gzip");
    }

    [Fact]
    public void NotAProfile() =>
        AssertOneLineError(RunOn("notes.txt", Encoding.UTF8.GetBytes("just some notes\nabout memory\n")), "notes.txt", "not a profile");

    [Fact]
    public void Empty() => AssertOneLineError(RunOn("empty.pb", []), "empty.pb", "empty");

    [Fact]
    public void Missing()
    {
        var run = CliRun.In(_dir.FullName, null, "heap", "nope.pb.gz");
        AssertOneLineError(run, "nope.pb.gz", "no such file");
    }

    [Fact]
    public void GzipBomb()
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.SmallestSize)) gz.Write(new byte[64 << 20]);
        AssertOneLineError(RunOn("bomb.pb.gz", ms.ToArray(), "--max-decompressed", "1MiB"), "bomb.pb.gz", "limit of 1 MiB");
    }

    [Fact]
    public void BadBaseIsNamed()
    {
        var good = MapScope.TestSupport.RepoPaths.Combine("tests/fixtures/heap/cache/profiles/heap-3.pb.gz");
        File.WriteAllBytes(Path.Combine(_dir.FullName, "base.pb.gz"), [0x1f, 0x8b, 8, 0, 0, 0]);
        var run = CliRun.In(_dir.FullName, null, "heap", good, "--base", "base.pb.gz");
        AssertOneLineError(run, "base.pb.gz", "gzip");
    }
}
