using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Evidence.Escape;
using MapScope.Evidence.Pprof;
using MapScope.TestSupport;

namespace MapScope.Attribution.Tests;

/// <summary>The committed -m=2 logs (Go 1.19 and Go 1.24) of tests/fixtures/escape/maps joined to its main.go.</summary>
public class EscapeFixtureJoinTests
{
    private static readonly string Dir = RepoPaths.Combine("tests", "fixtures", "escape", "maps");

    private static EscapeLog Log(string release)
    {
        using var input = File.OpenRead(Path.Combine(MapScope.Evidence.Tests.FixtureArtifacts.Dir(release, "escape", "maps"), "m2.log"));
        return EscapeTextReader.Read(input);
    }

    // the expected names and declaration lines are read from maps/main.go
    private static readonly (int Line, string Name, MapOwnerKind Kind, int DeclLine)[] HeapMaps =
    [
        (20, "main.registry", MapOwnerKind.PackageVariable, 10),
        (25, "idx (local in main.newIndex)", MapOwnerKind.Local, 25),
        (31, "seen (local in main.counter)", MapOwnerKind.Local, 31),
        (40, "inner (local in main.addTenant)", MapOwnerKind.Local, 40),
        (13, "main.byTenant", MapOwnerKind.PackageVariable, 13),
        (16, "main.cache", MapOwnerKind.PackageVariable, 16),
    ];

    public static TheoryData<string, int, string, MapOwnerKind, int> HeapMapsByRelease
    {
        get
        {
            var data = new TheoryData<string, int, string, MapOwnerKind, int>();
            foreach (var release in GoToolchain.Supported)
                foreach (var (line, name, kind, decl) in HeapMaps) data.Add(release, line, name, kind, decl);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(HeapMapsByRelease))]
    public void EachHeapMapIsNamedAfterTheVariableItIsAssignedTo(string release, int line, string name, MapOwnerKind kind, int declLine)
    {
        var join = new EscapeJoin(new SourceIndex(Dir));
        var m = Log(release).Maps.Single(x => x.Position.Line == line);
        var f = join.AtAllocation(m.Package, m.Position.File, m.Position.Line, m.Position.Column);
        Assert.Equal((name, kind, declLine), (f?.Map?.Name, f!.Map!.Kind, f.Map.Line));
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void AReturnedLiteralHasNoVariableButSaysWhereItGoes(string release)
    {
        var m = Log(release).Maps.Single(x => x.Position.Line == 51);
        var f = new EscapeJoin(new SourceIndex(Dir)).AtAllocation(m.Package, m.Position.File, 51, m.Position.Column);
        Assert.Null(f!.Map);
        Assert.Equal("returned from main.literal", f.StoredAs);
        Assert.Equal(MapOpKind.MapLiteral, f.Operation.Operation);
    }

    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void LeaksNameTheMapTheyArePutInto(string release)
    {
        var join = new EscapeJoin(new SourceIndex(RepoPaths.Combine("tests", "fixtures")));
        var names = Log(release).Leaks.Where(l => l.At is not null && l.Kind is MapLeakKind.KeyOfMapPut or MapLeakKind.ValueOfMapPut or MapLeakKind.IndexedStore)
            .Select(l => (l.Operation, join.AtMapOperation(l.Package, l.At!.Value.File, l.At.Value.Line, l.At.Value.Column)?.Map?.Name))
            .Distinct().OrderBy(x => x.Operation).ToList();
        Assert.Equal([("byTenant[name]", "main.byTenant"), ("cache[key]", "main.cache"), ("seen[k]", "seen (local in main.counter)")], names);
    }

    [Fact]
    public void IndexedStoresAreMapsOnlyWhenTheSourceProvesIt()
    {
        using var tree = new GoTree(("go.mod", "module ex.com/s\n"), ("main.go", """
            package main

            var m = map[int]*int{}
            var s = make([]*int, 4)

            func f(x *int, y any) {
                m[0] = x
                s[0] = x
                y.(T)[0] = x
            }
            """));
        var join = new EscapeJoin(new SourceIndex(tree.Root));
        Assert.True(join.IsMapStore("ex.com/s", "./main.go", 7, 7));
        Assert.False(join.IsMapStore("ex.com/s", "./main.go", 8, 7));
        Assert.Null(join.IsMapStore("ex.com/s", "./main.go", 9, 12));
    }
}
