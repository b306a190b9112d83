using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Evidence.Crash;
using MapScope.Evidence.Pprof;

namespace MapScope.Attribution.Tests;

/// <summary>Small Go trees that exercise how names are resolved to maps: scopes, selectors, named types, negatives.</summary>
public sealed class ResolutionTests : IDisposable
{
    private const string Program = """
        package main

        import "sync"

        type Cache map[string]*Item
        type Item struct{ data []byte }

        type Server struct {
            mu       sync.Mutex
            sessions map[string]*Item
            names    []string
        }

        func (s *Server) Put(k string) {
            s.sessions[k] = &Item{} // FIELD
        }

        var byKey Cache
        var global = Cache{}
        var srv = NewServer()

        func NewServer() *Server { return &Server{sessions: map[string]*Item{}} }

        func viaLocal() {
            s := &Server{}
            s.sessions["x"] = nil // LOCALSTRUCT
            t := NewServer()
            t.sessions["y"] = nil // CALLRESULT
            srv.sessions["z"] = nil // PKGVAR
        }

        func named() {
            byKey["a"] = nil // NAMEDTYPE
            global["b"] = nil // NAMEDLIT
        }

        func params(m map[int]int, xs []int, other Other) {
            m[1] = 2 // PARAM
            xs[0] = 1 // SLICE
            other.f[1] = 2 // UNKNOWNSEL
        }

        func shadow() {
            counts := make(map[string]int) // LOCALMAKE
            counts["a"]++ // OUTER
            {
                counts := []int{1}
                counts[0] = 5 // SHADOWED
            }
            for counts := range []int{1} {
                _ = counts
            }
            v, ok := counts["a"] // READ
            _, _ = v, ok
            counts := 3
        }

        func redeclare() (n int) {
            byKey := []int{0}
            byKey[0] = 1 // SHADOWPKG
            return
        }
        """;

    private readonly GoTree Tree = new(("go.mod", "module example.com/app\n"), ("app/main.go", Program), ("app/other.go", "package main\n\ntype Other struct{ f OtherMap }\n"));

    public void Dispose() => Tree.Dispose();

    private SiteAttribution? At(string marker, string function)
    {
        var attributor = new HeapSiteAttributor(new SourceIndex(Tree.Root));
        return attributor.Attribute("example.com/app/app/main.go", Tree.LineOf("app/main.go", marker), function);
    }

    [Theory]
    [InlineData("FIELD", "main.(*Server).Put", MapOperation.ValueStored, "(*main.Server).sessions", MapOwnerKind.Field)]
    [InlineData("LOCALSTRUCT", "main.viaLocal", MapOperation.Insert, "(*main.Server).sessions", MapOwnerKind.Field)]
    [InlineData("CALLRESULT", "main.viaLocal", MapOperation.Insert, "(*main.Server).sessions", MapOwnerKind.Field)]
    [InlineData("PKGVAR", "main.viaLocal", MapOperation.Insert, "(*main.Server).sessions", MapOwnerKind.Field)]
    [InlineData("NAMEDTYPE", "main.named", MapOperation.Insert, "main.byKey", MapOwnerKind.PackageVariable)]
    [InlineData("NAMEDLIT", "main.named", MapOperation.Insert, "main.global", MapOwnerKind.PackageVariable)]
    [InlineData("PARAM", "main.params", MapOperation.Insert, "m (parameter of main.params)", MapOwnerKind.Local)]
    [InlineData("LOCALMAKE", "main.shadow", MapOperation.MakeMap, "counts (local in main.shadow)", MapOwnerKind.Local)]
    [InlineData("OUTER", "main.shadow", MapOperation.Insert, "counts (local in main.shadow)", MapOwnerKind.Local)]
    [InlineData("sessions: map", "main.NewServer", MapOperation.MapLiteral, "(*main.Server).sessions", MapOwnerKind.Field)]
    public void NamesResolveToTheirMap(string marker, string function, MapOperation op, string map, MapOwnerKind kind)
    {
        var a = At(marker, function);
        Assert.Equal((op, map, kind), (a!.Operation, a.Map, a.Owner));
    }

    [Theory]
    [InlineData("SLICE", "main.params")]          // xs[0] = 1 on a []int is not a map insert
    [InlineData("UNKNOWNSEL", "main.params")]     // OtherMap is not declared anywhere: unknown, not a map
    [InlineData("SHADOWED", "main.shadow")]       // the inner counts is a slice
    [InlineData("SHADOWPKG", "main.redeclare")]   // a local byKey slice hides the package map
    [InlineData("READ", "main.shadow")]           // a read does not allocate
    public void NonMapsAndNonAllocatingLinesAreNone(string marker, string function)
    {
        var a = At(marker, function);
        Assert.NotNull(a);
        Assert.Equal(MapOperation.None, a.Operation);
        Assert.Null(a.Map);
    }

    [Fact]
    public void ReadsAreFoundForCrashJoinsWithTheirDeclaration()
    {
        var join = new CrashJoin(new SourceIndex(Tree.Root));
        var f = join.AtCulprit("/x/app/main.go", Tree.LineOf("app/main.go", "READ"), "main.shadow", CrashKind.ConcurrentMapReadAndWrite);
        Assert.Equal("counts (local in main.shadow)", f!.Map!.Name);
        Assert.Equal(Tree.LineOf("app/main.go", "LOCALMAKE"), f.Map.Line);
        // the make is not an access; the ++ is the only other one (the shadowed slice store is not)
        var other = Assert.Single(f.OtherAccesses);
        Assert.Equal((MapOpKind.Insert, Tree.LineOf("app/main.go", "OUTER")), (other.Operation, other.Line));
    }

    [Fact]
    public void AnExternalStructFieldIsNeverAMap()
    {
        var join = new CrashJoin(new SourceIndex(Tree.Root));
        Assert.Null(join.AtCulprit("app/main.go", Tree.LineOf("app/main.go", "UNKNOWNSEL"), "main.params", CrashKind.ConcurrentMapWrites));
        Assert.Null(join.AtCulprit("app/main.go", Tree.LineOf("app/main.go", "SLICE"), "main.params", CrashKind.NilMapAssignment));
    }

    [Fact]
    public void NameDeclaredInTwoFilesOfOnePackageIsNotResolved()
    {
        using var tree = new GoTree(
            ("a_linux.go", "package p\n\nvar table = map[int]int{}\n"),
            ("a_windows.go", "package p\n\nvar table = []int{}\n"),
            ("use.go", "package p\n\nfunc f() {\n\ttable[1] = 2\n}\n"));
        var a = new HeapSiteAttributor(new SourceIndex(tree.Root)).Attribute("/b/use.go", 4, "p.f");
        Assert.Equal(MapOperation.None, a!.Operation);
    }

    [Fact]
    public void PathsOutsideTheSourceTreeAreNeverRead()
    {
        using var outside = new GoTree(("secret/main.go", "package main\n\nvar m = map[int]int{}\n\nfunc main() {\n\tm[1] = 2\n}\n"));
        using var tree = new GoTree(("app/ok.go", "package main\n"));
        var attributor = new HeapSiteAttributor(new SourceIndex(tree.Root));
        Assert.Null(attributor.Attribute(Path.Combine(outside.Root, "secret", "main.go"), 6, "main.main"));
        Assert.Null(attributor.Attribute("../" + Path.GetFileName(outside.Root) + "/secret/main.go", 6, "main.main"));
        // a symlink inside the tree that points outside is not followed
        File.CreateSymbolicLink(Path.Combine(tree.Root, "app", "main.go"), Path.Combine(outside.Root, "secret", "main.go"));
        Assert.Null(attributor.Attribute("/build/app/main.go", 6, "main.main"));
        Assert.Null(new HeapSiteAttributor(new SourceIndex(tree.Root)).Attribute("/build/app/main.go", 6, "main.main"));
    }
}
