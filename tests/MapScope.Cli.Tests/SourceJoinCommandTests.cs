using System.Text.Json;

namespace MapScope.Cli.Tests;

/// <summary>`mapscope crash|escape|heap --source` end to end on the committed fixtures.</summary>
public class SourceJoinCommandTests
{
    [Fact]
    public void CrashTextNamesTheMapAndTheWriterGoroutine()
    {
        var r = CliRun.Of("crash", "tests/fixtures/crash/readwrite/crash.log", "--source", "tests/fixtures/crash/readwrite");
        Assert.Equal(1, r.ExitCode); // a crash was found
        Assert.Equal("", r.Error);
        Assert.Contains("  map: main.table, package variable of type map[int]int, declared at tests/fixtures/crash/readwrite/main.go:5:5", r.OutLines);
        Assert.Contains("      tests/fixtures/crash/readwrite/main.go:9:3: insert (write) in main.write; reached by: go main.write at tests/fixtures/crash/readwrite/main.go:21", r.OutLines);
        Assert.Contains(r.OutLines, l => l.Contains("main.write (insert of main.table)", StringComparison.Ordinal));
    }

    [Fact]
    public void CrashJsonCarriesTheCulpritSource()
    {
        var r = CliRun.Of("crash", "tests/fixtures/crash/nilmap/crash.log", "--source", "tests/fixtures/crash/nilmap", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var src = doc.RootElement.GetProperty("dumps")[0].GetProperty("culpritSource");
        var map = src.GetProperty("map");
        Assert.Equal("(*main.Registry).byName", map.GetProperty("name").GetString());
        Assert.Equal("field", map.GetProperty("kind").GetString());
        Assert.Equal(6, map.GetProperty("declaration").GetProperty("line").GetInt32());
        Assert.Equal("insert", src.GetProperty("operation").GetProperty("operation").GetString());
        Assert.Equal(10, src.GetProperty("operation").GetProperty("line").GetInt32());
        // Add is called from main on the main goroutine
        Assert.Equal("main", src.GetProperty("operation").GetProperty("entryPoints")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void CrashWithSourceThatDoesNotHoldTheFileSaysSoWithoutGuessing()
    {
        var r = CliRun.Of("crash", "tests/fixtures/crash/writes/crash.log", "--source", "tests/fixtures/crash/readwrite");
        Assert.Equal(1, r.ExitCode);
        // readwrite/main.go also ends in main.go, but line 13 of it has no map write
        Assert.Contains("  map: not found in --source (the file is not under it, or the line has no operation on a provable map)", r.OutLines);
        Assert.DoesNotContain(r.OutLines, l => l.StartsWith("  map: main.", StringComparison.Ordinal));
    }

    [Fact]
    public void EscapeTextNamesEachHeapMapAfterItsVariable()
    {
        var r = CliRun.Of("escape", "tests/fixtures/escape/maps/m2.log", "--source", "tests/fixtures/escape/maps");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error);
        var lines = r.OutLines;
        int registry = Array.FindIndex(lines, l => l.StartsWith("main.go:20:17: make(map[string]int) is on the heap", StringComparison.Ordinal));
        Assert.True(registry >= 0);
        Assert.Equal("    map: main.registry, package variable of type map[string]int, declared at tests/fixtures/escape/maps/main.go:10:5", lines[registry + 2]);
        Assert.Contains("    map: returned from main.literal", lines);
        Assert.Contains(lines, l => l.StartsWith("map cache (main.go:46:7) = main.cache, package variable", StringComparison.Ordinal));
    }

    [Fact]
    public void EscapeJsonFromTheJsonFolderJoinsByAbsolutePathSuffix()
    {
        var r = CliRun.Of("escape", "tests/fixtures/escape/maps/json", "--source", "tests/fixtures/escape", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var names = doc.RootElement.GetProperty("maps").EnumerateArray()
            .Select(m => m.GetProperty("source"))
            .Where(s => s.ValueKind == JsonValueKind.Object && s.GetProperty("map").ValueKind == JsonValueKind.Object)
            .Select(s => s.GetProperty("map").GetProperty("name").GetString())
            .ToHashSet();
        Assert.Superset(new HashSet<string?> { "main.registry", "main.byTenant", "main.cache", "idx (local in main.newIndex)", "inner (local in main.addTenant)" }, names);
    }

    [Fact]
    public void MissingSourceDirectoryIsAUsageError()
    {
        var r = CliRun.Of("escape", "tests/fixtures/escape/maps/m2.log", "--source", "tests/fixtures/no-such-dir");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.ErrorLines);
    }

    [Fact]
    public void HeapWithSourcePutsTheCacheFirstWithItsValues()
    {
        // cache/main.go inserts 20,000 values of 4 KiB into the package-level cache at line 17: about 80 MB
        var run = CliRun.Of("heap", "tests/fixtures/heap/cache/profiles/heap-3.pb.gz", "--source", "tests/fixtures/heap/cache", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var top = doc.RootElement.GetProperty("maps")[0];
        Assert.Equal("main.cache", top.GetProperty("map").GetString());
        var bytes = top.GetProperty("value").GetInt64();
        Assert.InRange(bytes, 20_000L * 4096, 20_000L * 4096 * 11 / 10);
    }
}
