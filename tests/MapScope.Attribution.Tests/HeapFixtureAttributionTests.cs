using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Evidence.Pprof;
using MapScope.TestSupport;

namespace MapScope.Attribution.Tests;

/// <summary>
/// The heap fixture programs' allocation lines, as their profiles name them, resolved to map operations.
/// Expected values come from reading each program (tests/fixtures/heap/*/main.go).
/// </summary>
public class HeapFixtureAttributionTests
{
    private static readonly string Fixtures = RepoPaths.Combine("tests", "fixtures", "heap");

    public static TheoryData<string, int, string, MapOperation, string?, MapOwnerKind> Sites => new()
    {
        // cache[key] = &entry{}: a 4 KiB value allocated and stored into the package-level cache
        { "cache", 17, "main.remember", MapOperation.ValueStored, "main.cache", MapOwnerKind.PackageVariable },
        // var cache = make(map[string]*entry): run by package initialization
        { "cache", 14, "main.init", MapOperation.MakeMap, "main.cache", MapOwnerKind.PackageVariable },
        // s.sessions[id] = &Session{...}: s is the *Server receiver
        { "server", 27, "main.(*Server).Open", MapOperation.ValueStored, "(*main.Server).sessions", MapOwnerKind.Field },
        // &Server{sessions: make(map[int]*Session)}: the make is stored in the field
        { "server", 21, "main.NewServer", MapOperation.MakeMap, "(*main.Server).sessions", MapOwnerKind.Field },
        // index[word] = append(index[word], pos): the appended slice is stored back
        { "appendslices", 14, "main.record", MapOperation.ValueStored, "main.index", MapOwnerKind.PackageVariable },
        // live[k] = record{}: an array value is stored inline, so the allocation is the map growing
        { "churn", 16, "main.fill", MapOperation.Insert, "main.live", MapOwnerKind.PackageVariable },
        // table[i] = "value-" + strconv.Itoa(i): the concatenated string is allocated on the line
        { "steady", 14, "main.build", MapOperation.ValueStored, "main.table", MapOwnerKind.PackageVariable },
        { "steady", 21, "main.handle", MapOperation.MakeMap, "scratch (local in main.handle)", MapOwnerKind.Local },
        { "steady", 23, "main.handle", MapOperation.Insert, "scratch (local in main.handle)", MapOwnerKind.Local },
        // the range over live and delete do not allocate
        { "churn", 21, "main.drain", MapOperation.None, null, MapOwnerKind.Unknown },
        // runtime.MemProfileRate = 1 is no map operation
        { "cache", 21, "main.main", MapOperation.None, null, MapOwnerKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(Sites))]
    public void ProfileLeafLinesResolveToTheMapTheProgramUses(string program, int line, string function, MapOperation operation, string? map, MapOwnerKind owner)
    {
        var attributor = new HeapSiteAttributor(new SourceIndex(Path.Combine(Fixtures, program)));
        // the profiles were recorded with absolute build paths; a different machine's prefix must not matter
        var a = attributor.Attribute($"/home/ci/build/{program}/main.go", line, function);
        Assert.NotNull(a);
        Assert.Equal(operation, a.Operation);
        Assert.Equal(map, a.Map);
        Assert.Equal(owner, a.Owner);
        Assert.Equal("main.go", a.SourcePath);
        Assert.Equal(line, a.Line);
        Assert.Equal(File.ReadAllLines(Path.Combine(Fixtures, program, "main.go"))[line - 1].Trim(), a.Snippet);
    }

    [Fact]
    public void TrimpathModulePathsAreMappedThroughGoMod()
    {
        // From the fixtures root, "main.go" alone is ambiguous; the module path names the directory.
        var attributor = new HeapSiteAttributor(new SourceIndex(Path.Combine(Fixtures, "server")));
        var a = attributor.Attribute("example.com/heapfixtures/server/main.go", 27, "main.(*Server).Open");
        Assert.Equal("(*main.Server).sessions", a?.Map);

        var all = new HeapSiteAttributor(new SourceIndex(Fixtures));
        Assert.Null(all.Attribute("main.go", 27, "main.(*Server).Open")); // five main.go files: no guess
        Assert.Equal("(*main.Server).sessions", all.Attribute("/build/server/main.go", 27, "main.(*Server).Open")?.Map);
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void RealProfileSitesOfTheCacheFixtureNameTheCache(string release)
    {
        var profile = ProfileReader.ReadFile(Path.Combine(MapScope.Evidence.Tests.FixtureArtifacts.Dir(release, "heap", "cache", "profiles"), "heap-3.pb.gz"));
        var attributor = new HeapSiteAttributor(new SourceIndex(Path.Combine(Fixtures, "cache")));
        var leaves = profile.Samples
            .Select(s => s.Locations[0].Lines[0])
            .Where(l => l.Function.Filename.EndsWith("cache/main.go", StringComparison.Ordinal) && l.LineNumber == 17)
            .ToList();
        Assert.NotEmpty(leaves);
        var a = attributor.Attribute(leaves[0].Function.Filename, (int)leaves[0].LineNumber, leaves[0].Function.Name);
        Assert.Equal(("main.cache", MapOperation.ValueStored), (a?.Map, a!.Operation));
    }
}
