using System.IO.Compression;
using System.Text.Json;
using MapScope.TestSupport;

namespace MapScope.Cli.Tests.Heap;

/// <summary>`mapscope heap` end to end on the committed Go fixture profiles.</summary>
public class HeapCommandTests
{
    private static string P(string fixture, string file) => $"tests/fixtures/heap/{fixture}/profiles/{file}";

    [Fact]
    public void TopSiteOfTheCacheLeakWithoutSource()
    {
        var run = CliRun.Of("heap", P("cache", "heap-3.pb.gz"), "--top", "3");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Contains("no --source given: sites are shown by function and line only", run.Out);
        var first = run.OutLines.First(l => l.Contains("main.go:"));
        Assert.Contains("main.remember", first);
        Assert.EndsWith("cache/main.go:17", first.TrimEnd());
        Assert.Contains("20,000 × 4.00 KiB", run.Out);
    }

    [Fact]
    public void JsonCarriesSitesAndBlockSizes()
    {
        var run = CliRun.Of("heap", P("cache", "heap-3.pb.gz"), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("mapscope.heap/v1", root.GetProperty("schema").GetString());
        Assert.Equal("inuse_space", root.GetProperty("sampleType").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("base").ValueKind);
        var site = root.GetProperty("sites")[0];
        Assert.Equal("main.remember", site.GetProperty("function").GetString());
        Assert.Equal(17, site.GetProperty("line").GetInt32());
        Assert.InRange(site.GetProperty("value").GetInt64(), 20_000L * 4096, 20_000L * 4096 + 4_000_000);
        var block = site.GetProperty("blockSizes").EnumerateArray().Single(b => b.GetProperty("size").GetInt64() == 4096);
        Assert.Equal(20_000, block.GetProperty("objects").GetInt64());
        Assert.Equal(JsonValueKind.Null, site.GetProperty("attribution").ValueKind);
        // Every site's value adds up to at most the total.
        Assert.True(root.GetProperty("sites").EnumerateArray().Sum(s => s.GetProperty("value").GetInt64()) <= root.GetProperty("total").GetInt64());
    }

    [Fact]
    public void DiffShowsTheGrowingSiteFirst()
    {
        var run = CliRun.Of("heap", P("appendslices", "heap-3.pb.gz"), "--base", P("appendslices", "heap-1.pb.gz"), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var site = doc.RootElement.GetProperty("sites")[0];
        Assert.Equal("main.record", site.GetProperty("function").GetString());
        Assert.True(site.GetProperty("delta").GetInt64() > 0);
        Assert.Equal(site.GetProperty("value").GetInt64() - site.GetProperty("baseValue").GetInt64(), site.GetProperty("delta").GetInt64());
    }

    [Theory]
    [InlineData("cache", "10%", 1)]
    [InlineData("server", "10%", 1)]
    [InlineData("appendslices", "10%", 1)]
    [InlineData("steady", "10%", 0)]
    [InlineData("cache", "50MB", 1)]   // grew by ~62 MB
    [InlineData("cache", "100MB", 0)]
    [InlineData("steady", "1KiB", 1)]  // the steady program still allocates a few KiB once (gzip tables)
    public void GrowthGate(string fixture, string threshold, int exit)
    {
        var run = CliRun.Of("heap", P(fixture, "heap-3.pb.gz"), "--base", P(fixture, "heap-1.pb.gz"), "--fail-on-growth", threshold);
        Assert.Equal(exit, run.ExitCode);
        if (exit == 1) Assert.Contains("growth gate: total grew by", run.Error);
        else Assert.Equal("", run.Error);
    }

    [Fact]
    public void LegacyTextFromStdin()
    {
        var text = Gunzip(File.ReadAllBytes(RepoPaths.Combine(P("server", "heap-3.txt.gz"))));
        var run = CliRun.In(RepoPaths.Root, text, "heap", "-", "--top", "1");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("main.(*Server).Open", run.Out);
        Assert.Contains("profile: <stdin>", run.Out);
    }

    [Fact]
    public void SampleIndexSelectsAllocSpace()
    {
        var inuse = CliRun.Of("heap", P("appendslices", "heap-3.pb.gz"), "--format", "json");
        var alloc = CliRun.Of("heap", P("appendslices", "heap-3.pb.gz"), "--format", "json", "--sample-index", "alloc_space");
        using var a = JsonDocument.Parse(alloc.Out);
        using var i = JsonDocument.Parse(inuse.Out);
        Assert.Equal("alloc_space", a.RootElement.GetProperty("sampleType").GetString());
        Assert.True(a.RootElement.GetProperty("total").GetInt64() > i.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public void SourceNamesTheMapAndWithoutSourceSaysSo()
    {
        var with = CliRun.Of("heap", P("cache", "heap-3.pb.gz"), "--source", "tests/fixtures/heap/cache");
        Assert.Equal(0, with.ExitCode);
        Assert.Contains("main.cache (package variable)", with.Out);
        Assert.DoesNotContain("no --source given", with.Out);
        var without = CliRun.Of("heap", P("cache", "heap-3.pb.gz"));
        Assert.Contains("no --source given: sites are shown by function and line only", without.Out);
        Assert.DoesNotContain("main.cache (package variable)", without.Out);
        // by the `bytes` label: one 888 KiB bucket array (2^12 buckets + 256 overflow), the rest 20,000 × 4 KiB values
        Assert.Contains("by block size: 888.00 KiB map buckets, 78.13 MiB stored values", with.Out);
    }

    [Theory]
    [InlineData("--fail-on-growth", "10%")]            // no --base
    [InlineData("--fail-on-growth", "lots")]
    [InlineData("--sample-index", "cpu")]
    [InlineData("--max-decompressed", "huge")]
    [InlineData("--top", "-1")]
    [InlineData("--source", "no/such/dir")]
    public void BadUsageIsExit2WithOneLine(string option, string value)
    {
        var run = CliRun.Of("heap", P("cache", "heap-3.pb.gz"), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("mapscope: ", run.ErrorLines[0]);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void OutputMustNotOverwriteTheInput()
    {
        var profile = P("cache", "heap-3.pb.gz");
        var before = File.ReadAllBytes(RepoPaths.Combine(profile));
        var run = CliRun.Of("heap", profile, "--output", "./" + profile);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"mapscope: ./{profile}: --output is the input {profile} (the same file); write the report to another file", Assert.Single(run.ErrorLines));
        Assert.Equal(before, File.ReadAllBytes(RepoPaths.Combine(profile)));
    }

    [Fact]
    public void HtmlGoesToTheOutputFile()
    {
        var dir = Directory.CreateTempSubdirectory("mapscope-heap-html-");
        try
        {
            var outFile = Path.Combine(dir.FullName, "r.html");
            var run = CliRun.Of("heap", P("churn", "heap-3.pb.gz"), "--base", P("churn", "heap-1.pb.gz"), "--format", "html", "-o", outFile);
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("", run.Out);
            var html = File.ReadAllText(outFile);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Contains("main.fill", html);
            Assert.Contains("class=\"flame\"", html);
            Assert.Contains("rgb(255,", html); // the churned map's buckets grew: a red box
        }
        finally { dir.Delete(true); }
    }

    private static byte[] Gunzip(byte[] gz)
    {
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
