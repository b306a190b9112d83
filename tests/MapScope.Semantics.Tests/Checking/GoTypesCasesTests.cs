using MapScope.Semantics.Checking;
using MapScope.Semantics.Loading;
using MapScope.TestSupport;
using Xunit.Abstractions;

namespace MapScope.Semantics.Tests.Checking;

/// <summary>
/// Small packages where go/types' answer depends on the release (aliases) or needs more than matching
/// parameters with arguments (inference from constraints, generic aliases, the same generic type in a
/// signature and a body). Each is checked against the expectations written here, which are go/types'
/// lines for that release; where the release's toolchain is installed, against its go/types as well.
/// </summary>
public sealed class GoTypesCasesTests(ITestOutputHelper output)
{
    /// <param name="Name">the package directory and last import path element</param>
    /// <param name="MinRelease">the first Go minor release whose go/types accepts the package</param>
    /// <param name="NeedsStd">imports std packages, so it needs that toolchain's GOROOT</param>
    /// <param name="Expected">go/types' lines as "FILE:LINE:COL END TYPE" (tab-separated) for each release</param>
    private sealed record Case(string Name, int MinRelease, bool NeedsStd, string Source, Func<int, string[]> Expected);

    private static readonly Case[] Cases =
    [
        new("alias", 19, false, """
            package alias

            type M = map[string]int

            type Named map[string]bool

            type N = Named

            func f(x M, n N) {
            	_ = x
            	_ = n
            	y := M{"a": 1}
            	_ = y
            }
            """, r => r >= 23
            ? ["a.go:10:6\t109\texample.com/r/alias.M", "a.go:11:6\t116\texample.com/r/alias.N", "a.go:12:7\t132\texample.com/r/alias.M", "a.go:13:6\t139\texample.com/r/alias.M"]
            : ["a.go:10:6\t109\tmap[string]int", "a.go:11:6\t116\texample.com/r/alias.Named", "a.go:12:7\t132\tmap[string]int", "a.go:13:6\t139\tmap[string]int"]),

        new("stdalias", 19, true, """
            package stdalias

            import "html/template"

            func f(fm template.FuncMap) {
            	_ = fm
            }
            """, r => r >= 23 ? ["a.go:6:6\t79\thtml/template.FuncMap"] : ["a.go:6:6\t79\ttext/template.FuncMap"]),

        new("infer", 19, false, """
            package infer

            type Seq2[K, V any] func(yield func(K, V) bool)

            func All[Map ~map[K]V, K comparable, V any](m Map) Seq2[K, V] { return nil }

            func Collect[K comparable, V any](seq Seq2[K, V]) map[K]V { return nil }

            func Clone[M ~map[K]V, K comparable, V any](m M) M { return m }

            func First[S ~[]E, E any](s S) E {
            	var e E
            	return e
            }

            func Index[M interface{ map[string]V }, V any](m M) V {
            	var v V
            	return v
            }

            type Names map[string][]string

            func f(m map[string]int, n Names, s []map[int]bool, ix map[string]map[int]int) {
            	c := Collect(All(m))
            	_ = c
            	d := Collect(All(n))
            	_ = d
            	_ = Clone(n)
            	v := First(s)
            	_ = v
            	_ = Index(ix)
            }
            """, _ =>
            [
                "a.go:24:19\t548\tmap[string]int", "a.go:24:7\t550\tmap[string]int", "a.go:25:6\t557\tmap[string]int",
                "a.go:26:19\t577\texample.com/r/infer.Names", "a.go:26:7\t579\tmap[string][]string", "a.go:27:6\t586\tmap[string][]string",
                "a.go:28:12\t599\texample.com/r/infer.Names", "a.go:28:6\t600\texample.com/r/infer.Names",
                "a.go:29:7\t615\tmap[int]bool", "a.go:30:6\t622\tmap[int]bool",
                "a.go:31:12\t636\tmap[string]map[int]int", "a.go:31:6\t637\tmap[int]int",
            ]),

        new("local", 19, false, """
            package local

            type P[K comparable, V any] struct{}

            func from[K comparable, V any](p P[K, V]) map[K]V {
            	var q P[K, V]
            	_ = q
            	return nil
            }

            func f(p P[string, int]) {
            	_ = from(p)
            }
            """, _ => ["a.go:12:6\t181\tmap[string]int"]),

        new("galias", 24, false, """
            package galias

            type Set[K comparable] = map[K]struct{}

            func keys[K comparable](s Set[K]) map[K]bool { return nil }

            func f() {
            	_ = keys(map[string]struct{}{})
            	s := make(Set[string])
            	_ = keys(s)
            }
            """, _ =>
            [
                "a.go:10:11\t197\texample.com/r/galias.Set[string]", "a.go:10:6\t198\tmap[string]bool",
                "a.go:8:11\t160\tmap[string]struct{}", "a.go:8:6\t161\tmap[string]bool", "a.go:9:7\t185\texample.com/r/galias.Set[string]",
            ]),

        // type parameters that nothing binds: the expressions have no type, never map[K]V
        new("unbound", 19, false, """
            package unbound

            func Zero[K comparable, V any]() map[K]V { return nil }

            type G[K comparable] map[K]int

            func Pick[K comparable, V any](k K) map[K]V { return nil }

            func f() {
            	_ = Zero()
            	_ = G{}
            	_ = Pick("a")
            	_ = Zero[string, int]()
            }
            """, _ => ["a.go:13:6\t237\tmap[string]int"]),

        // untyped constants (Go 1.21 takes the largest kind), the defined type among the arguments,
        // recursion, methods of generic types, results spread into arguments
        new("more", 19, false, """
            package more

            func Make[K comparable, V any](k K, v V) map[K]V { return nil }

            func Pair[T any](a, b T) map[T]T { return nil }

            func Merge[M ~map[K]V, K comparable, V any](a, b M) M { return a }

            type Counts map[string]int

            func Rec[K comparable, V any](m map[K]V, n int) map[K]V {
            	if n == 0 {
            		return m
            	}
            	return Rec(m, n-1)
            }

            type Box[K comparable, V any] struct{ m map[K]V }

            func (b *Box[K, V]) Copy() map[K]V { return Merge(b.m, b.m) }

            func two() (map[string]int, map[string]int) { return nil, nil }

            func f(c Counts, b *Box[int, string]) {
            	_ = Make("a", 1)
            	_ = Pair(1, 2.5)
            	var x float32
            	_ = Pair(1, x)
            	_ = Merge(map[string]int{}, c)
            	_ = Merge(c, map[string]int{})
            	_ = b.Copy()
            	_ = Merge(two())
            }
            """, r => [
                "a.go:13:10\t305\tmap[K]V", "a.go:15:13\t322\tmap[K]V", "a.go:15:9\t328\tmap[K]V", "a.go:20:45\t442\tmap[K]V",
                "a.go:20:51\t436\tmap[K]V", "a.go:20:56\t441\tmap[K]V", "a.go:25:6\t568\tmap[string]int",
                .. (r >= 21 ? ["a.go:26:6\t586\tmap[float64]float64"] : Array.Empty<string>()),
                "a.go:28:6\t617\tmap[float32]float32", "a.go:29:12\t645\tmap[string]int", "a.go:29:30\t648\texample.com/r/more.Counts",
                "a.go:29:6\t649\texample.com/r/more.Counts", "a.go:30:12\t662\texample.com/r/more.Counts", "a.go:30:15\t680\tmap[string]int",
                "a.go:30:6\t681\texample.com/r/more.Counts", "a.go:31:6\t695\tmap[int]string", "a.go:32:6\t713\tmap[string]int",
            ]),

        // aliases of pointers and receivers, embedded through an alias, aliases as type arguments
        new("aliasuse", 19, false, """
            package aliasuse

            type T struct{ m map[string]int }

            type PT = *T

            type A = T

            func (a A) M() map[string]int { return a.m }

            type E struct {
            	A
            }

            type M = map[string]int

            func Clone[Map ~map[K]V, K comparable, V any](m Map) Map { return m }

            type G[K comparable] map[K]M

            func f(p PT, e E, x M, g G[string]) {
            	_ = p.m
            	_ = e.M()
            	_ = e.m
            	_ = Clone(x)
            	_ = g["a"]
            	_ = G[M]{}
            	for k, v := range x {
            		_, _ = k, v
            	}
            }
            """, r =>
            {
                var m = r >= 23 ? "example.com/r/aliasuse.M" : "map[string]int";
                return
                [
                    "a.go:22:6\t319\tmap[string]int", "a.go:23:6\t330\tmap[string]int", "a.go:24:6\t339\tmap[string]int",
                    $"a.go:25:12\t352\t{m}", $"a.go:25:6\t353\t{m}", "a.go:26:6\t360\texample.com/r/aliasuse.G[string]",
                    $"a.go:26:6\t365\t{m}", $"a.go:27:6\t377\texample.com/r/aliasuse.G[{m}]", $"a.go:28:20\t398\t{m}",
                    "a.go:9:40\t121\tmap[string]int",
                ];
            }),

        new("mapsall", 23, true, """
            package mapsall

            import "maps"

            func f(m map[string]map[int]bool) {
            	for _, v := range maps.All(m) {
            		_ = v
            	}
            	c := maps.Collect(maps.All(m))
            	_ = c
            }
            """, _ =>
            [
                "a.go:10:6\t150\tmap[string]map[int]bool", "a.go:6:29\t97\tmap[string]map[int]bool", "a.go:7:7\t108\tmap[int]bool",
                "a.go:9:29\t141\tmap[string]map[int]bool", "a.go:9:7\t143\tmap[string]map[int]bool",
            ]),
    ];

    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void SmallPackagesAgreeWithGoTypes(string release)
    {
        int minor = GoVersions.Minor(release) ?? throw new ArgumentException(release);
        GoInstall? go = GoToolchain.Installed.FirstOrDefault(t => t.Release == release);
        if (go == null && GoToolchain.Required) go = GoToolchain.Require(release); // fails, naming what is missing
        var cases = Cases.Where(c => c.MinRelease <= minor && (go != null || !c.NeedsStd)).ToList();
        Skip.If(cases.Count == 0, "no case runs without Go " + release);

        var root = Directory.CreateTempSubdirectory("mapscope-cases-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "go.mod"), $"module example.com/r\n\ngo {release}\n");
            var packages = go != null ? GoTypesOracle.GoList(go, go.Src, "std") : new Dictionary<string, PackageSource>(StringComparer.Ordinal);
            foreach (var c in cases)
            {
                var dir = Path.Combine(root, c.Name);
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "a.go"), c.Source.Replace("\r\n", "\n") + "\n");
                packages["example.com/r/" + c.Name] = new PackageSource("example.com/r/" + c.Name, dir, [Path.Combine(dir, "a.go")]);
            }
            var targets = cases.Select(c => "example.com/r/" + c.Name).ToList();
            var ours = Normalize(GoTypesConformanceTests.OurLines(packages, targets, CheckerOptions.ForGoRelease(release)), root);
            var oracle = go != null ? Normalize(GoTypesOracle.Lines(go, targets.Select(t => packages[t]), root), root) : null;
            output.WriteLine(go != null ? $"checked against go/types of {go.Version}" : $"Go {release} is not installed: written expectations only");

            var failures = new List<string>();
            foreach (var c in cases)
            {
                var expected = c.Expected(minor).Order(StringComparer.Ordinal).ToList();
                var mine = Lines(ours, c.Name);
                if (!expected.SequenceEqual(mine)) failures.Add($"{c.Name}: mapscope\n  {string.Join("\n  ", mine)}\nexpected\n  {string.Join("\n  ", expected)}");
                if (oracle != null && !expected.SequenceEqual(Lines(oracle, c.Name)))
                    failures.Add($"{c.Name}: go/types {go} says\n  {string.Join("\n  ", Lines(oracle, c.Name))}\nexpected (written here)\n  {string.Join("\n  ", expected)}");
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Lines with the case directory's path cut to "CASE/FILE:...", sorted.</summary>
    private static List<string> Normalize(List<string> lines, string root) =>
        lines.Select(l => l.StartsWith(root + "/", StringComparison.Ordinal) ? l[(root.Length + 1)..] : l).Order(StringComparer.Ordinal).ToList();

    private static List<string> Lines(List<string> normalized, string name) =>
        normalized.Where(l => l.StartsWith(name + "/", StringComparison.Ordinal)).Select(l => l[(name.Length + 1)..]).ToList();
}
