using System.Collections.Concurrent;
using System.Text;
using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Evidence.Crash;
using MapScope.Reports.Crash;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.Crash;

/// <summary>
/// Every committed crash fixture (every crash kind, Go 1.19 and Go 1.24) transformed by every paste
/// variant of <see cref="PasteVariants"/>: the kind, the culprit function and file:line must be those of
/// the recording (the line from the program's "// CULPRIT" comment), and cut inputs must be flagged.
/// </summary>
public class PasteVariantTests
{
    private static string Text(string release, string program, string file) =>
        File.ReadAllText(Path.Combine(FixtureArtifacts.Dir(release, "crash", program), file));

    private static CrashLog Read(string text) => CrashReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    public static TheoryData<string, string, string, CrashKind, string, string> WholeVariants
    {
        get
        {
            var data = new TheoryData<string, string, string, CrashKind, string, string>();
            foreach (var (release, program, file, kind, function) in CrashFixtureTests.CrashCases())
                foreach (var v in PasteVariants.Whole) data.Add(release, program, file, kind, function, v.Name);
            return data;
        }
    }

    public static TheoryData<string, string, string, CrashKind, string, string> CutVariants
    {
        get
        {
            var data = new TheoryData<string, string, string, CrashKind, string, string>();
            foreach (var (release, program, file, kind, function) in CrashFixtureTests.CrashCases())
                foreach (var v in PasteVariants.Cut(Text(release, program, file))) data.Add(release, program, file, kind, function, v.Name);
            return data;
        }
    }

    private static void AssertCulprit(CrashDump dump, string program, CrashKind kind, string function)
    {
        Assert.Equal(kind, dump.Kind);
        var culprit = Assert.IsType<Frame>(dump.Culprit);
        Assert.Equal(function, culprit.Function);
        Assert.Equal($"mapscope.test/crash/{program}/main.go", culprit.File);
        Assert.Contains(culprit.Line, CrashFixtureTests.CulpritLines(program));
    }

    [Theory]
    [MemberData(nameof(WholeVariants))]
    public void EveryWholeVariantReachesTheRecordingsConclusions(string release, string program, string file, CrashKind kind, string function, string variant)
    {
        var text = Text(release, program, file);
        var original = Read(text);
        var log = Read(PasteVariants.Whole.Single(v => v.Name == variant).Apply(text));
        var dump = Assert.Single(log.Dumps);
        AssertCulprit(dump, program, kind, function);
        Assert.False(dump.Truncated);
        Assert.Equal(0, log.Lines.Unknown);
        // The whole dump, not just its head: the same goroutines in the same stacks.
        var before = original.Dumps[0];
        Assert.Equal(before.GoroutineCount, dump.GoroutineCount);
        Assert.Equal(before.Groups.Select(g => (g.Count, g.Representative.Frames.Count)), dump.Groups.Select(g => (g.Count, g.Representative.Frames.Count)));
        Assert.Equal(before.Crashing!.Frames, dump.Crashing!.Frames);
        Assert.Equal(before.OtherParties.Select(p => p.Frame), dump.OtherParties.Select(p => p.Frame));
        Assert.Equal(before.Messages, dump.Messages);
    }

    [Theory]
    [MemberData(nameof(CutVariants))]
    public void EveryCutVariantKeepsTheCulpritAndIsFlaggedTruncated(string release, string program, string file, CrashKind kind, string function, string variant)
    {
        var text = Text(release, program, file);
        var cut = PasteVariants.Cut(text).Single(v => v.Name == variant).Apply(text);
        Assert.True(cut.Length < text.Length || !cut.EndsWith('\n'));
        var dump = Assert.Single(Read(cut).Dumps);
        AssertCulprit(dump, program, kind, function);
        Assert.True(dump.Truncated, variant);
    }

    /// <summary>A dump cut inside the culprit's own file line ("main.go:1" of "main.go:13") keeps the function but not the cut number.</summary>
    [Theory]
    [MemberData(nameof(CrashFixtureTests.Crashes), MemberType = typeof(CrashFixtureTests))]
    public void CutInsideTheCulpritsFileLineGivesNoLineNumber(string release, string program, string file, CrashKind kind, string function)
    {
        var text = Text(release, program, file);
        string marker = $"mapscope.test/crash/{program}/main.go:";
        int culpritFile = text.IndexOf(marker, text.IndexOf(function + "(", StringComparison.Ordinal), StringComparison.Ordinal);
        var cut = text[..(culpritFile + marker.Length + 1)]; // one digit of the line number
        var dump = Assert.Single(Read(cut).Dumps);
        Assert.Equal(kind, dump.Kind);
        Assert.Equal(function, dump.Culprit?.Function);
        Assert.Equal(0, dump.Culprit?.Line);
        Assert.True(dump.Truncated);
    }

    /// <summary>Two services crash at once and docker compose interleaves their output: each dump is read whole, named by its service.</summary>
    [Theory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void InterleavedServicesKeepEachDumpTogether(string release)
    {
        var writes = Text(release, "writes", "crash.log");
        var nilmap = Text(release, "nilmap", "crash.log");
        var log = Read(PasteVariants.Interleave(writes, "api-1", nilmap, "worker-1"));
        Assert.Equal(2, log.Dumps.Count);
        var api = log.Dumps.Single(d => d.Source == "api-1");
        var worker = log.Dumps.Single(d => d.Source == "worker-1");
        AssertCulprit(api, "writes", CrashKind.ConcurrentMapWrites, "main.writer");
        AssertCulprit(worker, "nilmap", CrashKind.NilMapAssignment, "main.(*Registry).Add");
        Assert.False(api.Truncated);
        Assert.False(worker.Truncated);
        Assert.Equal(Read(writes).Dumps[0].GoroutineCount, api.GoroutineCount);
        Assert.Equal(0, log.Lines.Unknown);
        Assert.Equal([0, 1], log.Dumps.Select(d => d.Index));
    }

    private static readonly ConcurrentDictionary<string, CrashJoin> Joins = new();

    private static CrashSourceFacts Facts(CrashLog log, string program) =>
        CrashSourceFacts.Build(log, Joins.GetOrAdd(program, p => new CrashJoin(new SourceIndex(Path.Combine(CrashFixtureTests.FixtureDir, p)))), p => p);

    /// <summary>The map that --source names, with its operation and its other accesses, is the same for every variant as for the recording.</summary>
    [Theory]
    [MemberData(nameof(WholeVariants))]
    public void EveryWholeVariantJoinsToTheSameMapAndAccessors(string release, string program, string file, CrashKind kind, string function, string variant)
    {
        _ = (kind, function);
        var text = Text(release, program, file);
        var original = Read(text);
        var expected = Facts(original, program).Culprit(original.Dumps[0]);
        var pasted = Read(PasteVariants.Whole.Single(v => v.Name == variant).Apply(text));
        var actual = Facts(pasted, program).Culprit(pasted.Dumps[0]);
        Assert.Equal(expected is null, actual is null);
        if (expected is null || actual is null) return;
        Assert.Equal(expected.Map?.Name, actual.Map?.Name);
        Assert.Equal((expected.Operation.Operation, expected.Operation.Line), (actual.Operation.Operation, actual.Operation.Line));
        Assert.Equal(expected.OtherAccesses.Select(a => (a.Operation, a.Line, a.Function)), actual.OtherAccesses.Select(a => (a.Operation, a.Line, a.Function)));
    }

    /// <summary>Every map crash of the fixtures whose map is a package variable or field is named through --source (the fixtures are built for it).</summary>
    [Theory]
    [MemberData(nameof(CrashFixtureTests.Crashes), MemberType = typeof(CrashFixtureTests))]
    public void TheRecordingsCulpritMapIsNamed(string release, string program, string file, CrashKind kind, string function)
    {
        _ = (kind, function);
        var log = Read(Text(release, program, file));
        var facts = Facts(log, program).Culprit(log.Dumps[0]);
        Assert.NotNull(facts);
        Assert.NotNull(facts.Map?.Name ?? facts.StoredAs);
    }

    [Fact]
    public void EveryVariantChangesTheTextExceptTheRecordingItself()
    {
        var text = Text("1.24", "writes", "crash.log");
        foreach (var v in PasteVariants.Whole.Skip(1)) Assert.NotEqual(text, v.Apply(text));
        Assert.Equal(text, PasteVariants.Whole[0].Apply(text));
    }
}
