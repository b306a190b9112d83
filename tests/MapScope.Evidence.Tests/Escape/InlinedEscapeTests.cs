using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Evidence.Escape;
using MapScope.Reports.Escape;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.Escape;

/// <summary>
/// tests/fixtures/escape/inlined (see ../regen.sh): small map-making functions inlined into their callers,
/// recorded with Go 1.19 and Go 1.24, as -m=2 text and -json. Each heap map must be listed once, at its
/// origin ("// HEAP reason"), with its inlined copies under it at the call sites ("// COPY f=reason").
/// </summary>
public class InlinedEscapeTests
{
    private static string Dir => RepoPaths.Combine("tests", "fixtures", "escape", "inlined");

    /// <summary>main.go with comment-only lines blanked: the header describes the markers without being one.</summary>
    private static string[] Source => [.. File.ReadAllLines(Path.Combine(Dir, "main.go")).Select(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal) ? "" : l)];

    /// <summary>Origin line → reason id, from the "// HEAP" markers.</summary>
    private static Dictionary<int, string> HeapMarkers() =>
        Source.Select((l, i) => (l, i + 1)).Where(x => x.l.Contains("// HEAP ")).ToDictionary(x => x.Item2, x => x.l[(x.l.IndexOf("// HEAP ", StringComparison.Ordinal) + 8)..].Trim());

    /// <summary>The line of func <paramref name="function"/>'s map-making statement (its "// HEAP" line).</summary>
    private static int OriginOf(string function)
    {
        int decl = Array.FindIndex(Source, l => l.StartsWith($"func {function}(", StringComparison.Ordinal));
        return Array.FindIndex(Source, decl, l => l.Contains("// HEAP ")) + 1;
    }

    /// <summary>(origin line, call-site line, reason id or "stack") from the "// COPY" markers.</summary>
    private static HashSet<(int Origin, int CallSite, string Reason)> CopyMarkers()
    {
        var copies = new HashSet<(int, int, string)>();
        for (int i = 0; i < Source.Length; i++)
        {
            int at = Source[i].IndexOf("// COPY ", StringComparison.Ordinal);
            if (at < 0) continue;
            foreach (var pair in Source[i][(at + 8)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var (function, reason) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
                copies.Add((OriginOf(function), i + 1, reason));
            }
        }
        return copies;
    }

    private static int DeclarationOf(string variable) => Array.FindIndex(Source, l => l.TrimStart().StartsWith(variable + " ", StringComparison.Ordinal) && l.Contains(" = map[")) + 1;

    public static TheoryData<string, string> Inputs
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var release in GoToolchain.Supported)
                foreach (var form in new[] { "m2.log", "json" }) data.Add(release, form);
            return data;
        }
    }

    private static EscapeLog Read(string release, string form)
    {
        var path = Path.Combine(FixtureArtifacts.Dir(release, "escape", "inlined"), form);
        if (form == "json") return EscapeJsonReader.ReadDirectory(path);
        using var f = File.OpenRead(path);
        return EscapeTextReader.Read(f);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void EachHeapMapIsListedOnceAtItsOriginWithItsReason(string release, string form)
    {
        var log = Read(release, form);
        var heap = HeapMarkers();
        var expected = heap.Keys.Append(DeclarationOf("byTenant")).Order().ToList();
        Assert.Equal(expected, log.Maps.Select(m => m.Position.Line).Order().ToList());
        foreach (var m in log.Maps.Where(m => heap.ContainsKey(m.Position.Line)))
            Assert.Equal(heap[m.Position.Line], EscapeDescriptions.Id(m.Reason));
        Assert.Empty(log.StackMaps); // the non-escaping copies are copies, not maps of their own
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void InlinedCopiesAreListedUnderTheirOriginWithTheirOwnReasons(string release, string form)
    {
        var log = Read(release, form);
        var actual = log.Maps.SelectMany(m => m.Copies.Select(c => (m.Position.Line, c.CallSite.Line, c.Escapes ? EscapeDescriptions.Id(c.Reason) : "stack"))).ToHashSet();
        var expected = CopyMarkers();
        // -json reports only the escaping copies; -m=2 also says where a copy stays on the stack.
        if (form == "json") expected.RemoveWhere(c => c.Reason == "stack");
        Assert.Equal(expected.Order(), actual.Order());
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void SourceNamesEachOriginAndNothingIsMissing(string release, string form)
    {
        var log = Read(release, form);
        var facts = EscapeSourceFacts.Build(log, new EscapeJoin(new SourceIndex(Dir)), p => p);
        foreach (var m in log.Maps)
        {
            var f = facts.Map(m);
            Assert.NotNull(f);
            string name = f!.Map?.Name ?? f.StoredAs ?? "";
            Assert.DoesNotContain("?", name);
            if (HeapMarkers().ContainsKey(m.Position.Line))
            {
                string function = Source[..m.Position.Line].Last(l => l.StartsWith("func ", StringComparison.Ordinal))[5..].Split('(')[0];
                Assert.Equal($"returned from main.{function}", f.StoredAs);
            }
            else Assert.Equal("main.byTenant", f.Map?.Name);
        }
    }

    /// <summary>The old maps fixture has no inlined map-making function: folding changes nothing there.</summary>
    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void LogsWithoutInlinedMakesHaveNoCopies(string release)
    {
        using var f = File.OpenRead(Path.Combine(FixtureArtifacts.Dir(release, "escape", "maps"), "m2.log"));
        Assert.All(EscapeTextReader.Read(f).Maps, m => Assert.Empty(m.Copies));
    }
}
