using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Evidence.Crash;

namespace MapScope.Attribution.Tests;

/// <summary>Closures, goroutines and HTTP handlers: which function a line belongs to and which goroutines reach it.</summary>
public sealed class EntryPointTests : IDisposable
{
    private const string Server = """
        package main

        import "net/http"

        type Store struct{ hits map[string]int }

        func (s *Store) bump(k string) { s.hits[k]++ } // BUMP

        func (s *Store) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.bump(r.URL.Path) }

        var store = &Store{hits: map[string]int{}}

        var seen = map[string]bool{}

        func record(w http.ResponseWriter, r *http.Request) { mark(r.URL.Path) }

        func mark(p string) { seen[p] = true } // MARK

        func main() {
            http.HandleFunc("/record", record)
            http.HandleFunc("/inline", func(w http.ResponseWriter, r *http.Request) {
                delete(seen, r.URL.Path) // INLINE
            })
            go func() { seen["x"] = true }() // GOLIT
            for k := range seen { _ = k } // MAINRANGE
            http.ListenAndServe(":8080", store)
        }
        """;

    private readonly GoTree _tree = new(("srv/main.go", Server));

    public void Dispose() => _tree.Dispose();

    private int Line(string marker) => _tree.LineOf("srv/main.go", marker);

    [Fact]
    public void EveryAccessOfAMapIsListedWithTheGoroutinesThatReachIt()
    {
        var join = new CrashJoin(new SourceIndex(_tree.Root));
        var f = join.AtCulprit("/src/srv/main.go", Line("MAINRANGE"), "main.main", CrashKind.ConcurrentMapIterationAndWrite);
        Assert.Equal("main.seen", f!.Map!.Name);
        Assert.Equal(["main goroutine (main.main)"], f.Operation.EntryPoints.Select(e => e.ToString()));
        var byLine = f.OtherAccesses.ToDictionary(a => a.Line);
        Assert.Equal([Line("MARK"), Line("INLINE"), Line("GOLIT")], byLine.Keys.Order());
        Assert.Equal(("main.mark", MapOpKind.Insert), (byLine[Line("MARK")].Function, byLine[Line("MARK")].Operation));
        Assert.Equal([$"HTTP handler main.record at srv/main.go:{Line("HandleFunc(\"/record\"")}"], byLine[Line("MARK")].EntryPoints.Select(e => e.ToString()));
        Assert.Equal(("main.main.func1", MapOpKind.Delete), (byLine[Line("INLINE")].Function, byLine[Line("INLINE")].Operation));
        Assert.Equal([$"HTTP handler main.main.func1 at srv/main.go:{Line("HandleFunc(\"/inline\"")}"], byLine[Line("INLINE")].EntryPoints.Select(e => e.ToString()));
        Assert.Equal("main.main.func2", byLine[Line("GOLIT")].Function);
        Assert.Equal([$"go main.main.func2 at srv/main.go:{Line("GOLIT")}"], byLine[Line("GOLIT")].EntryPoints.Select(e => e.ToString()));
    }

    [Fact]
    public void AMethodCalledFromServeHttpIsReachedByTheHandler()
    {
        var join = new CrashJoin(new SourceIndex(_tree.Root));
        var f = join.AtCulprit("srv/main.go", Line("BUMP"), "main.(*Store).bump", CrashKind.ConcurrentMapWrites);
        Assert.Equal("(*main.Store).hits", f!.Map!.Name);
        Assert.Equal([$"HTTP handler main.(*Store).ServeHTTP at srv/main.go:{Line("ServeHTTP")}"], f.Operation.EntryPoints.Select(e => e.ToString()));
    }

    [Fact]
    public void TheEvidenceFunctionPicksTheClosureOnASharedLine()
    {
        using var tree = new GoTree(("m.go", """
            package main

            var a = map[int]int{}
            var b = map[int]int{}

            func main() {
                a[1] = 1; go func() { b[2] = 2 }()
            }
            """));
        var join = new CrashJoin(new SourceIndex(tree.Root));
        Assert.Equal("main.a", join.AtCulprit("m.go", 7, "main.main", CrashKind.ConcurrentMapWrites)?.Map?.Name);
        Assert.Equal("main.b", join.AtCulprit("m.go", 7, "main.main.func1", CrashKind.ConcurrentMapWrites)?.Map?.Name);
        // an unknown function name leaves two maps on the line: no guess
        Assert.Null(join.AtCulprit("m.go", 7, "main.elsewhere", CrashKind.ConcurrentMapWrites));
    }
}
