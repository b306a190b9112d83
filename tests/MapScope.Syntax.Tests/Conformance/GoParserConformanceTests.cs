using System.Text;
using MapScope.TestSupport;
using Xunit.Abstractions;

namespace MapScope.Syntax.Tests.Conformance;

/// <summary>
/// Compares mapscope's parser with go/parser over every .go file of GOROOT/src, for each supported
/// toolchain: that toolchain's files, its go/parser, and mapscope parsing in that release's mode. Each
/// file go/parser accepts must give the same multiset of "KIND START END" lines; each file it rejects, we reject.
/// </summary>
public sealed class GoParserConformanceTests(ITestOutputHelper output)
{
    public sealed record Mismatch(string Path, string Detail);

    public sealed class Summary
    {
        public int Files, GoAccepted, GoRejected, Matched, BothRejected;
        public List<Mismatch> Mismatches = [];

        public override string ToString() =>
            $"files={Files} go-accepted={GoAccepted} matched={Matched} go-rejected={GoRejected} both-rejected={BothRejected} mismatches={Mismatches.Count}";
    }

    /// <summary>Compares go/parser of the toolchain with mapscope in that toolchain's mode over the files.</summary>
    public static Summary Compare(GoInstall go, IReadOnlyList<string> files)
    {
        var version = GoVersion.Parse(go.Version);
        var summary = new Summary();
        var batch = new List<GoSpansOracle.Block>();
        foreach (var block in GoSpansOracle.Run(go, files))
        {
            batch.Add(block);
            if (batch.Count == 256) Flush(batch, version, summary);
        }
        Flush(batch, version, summary);
        return summary;
    }

    private static void Flush(List<GoSpansOracle.Block> batch, GoVersion version, Summary summary)
    {
        var results = new Mismatch?[batch.Count];
        var rejected = new bool[batch.Count];
        Parallel.For(0, batch.Count, i => results[i] = CompareOne(batch[i], version, out rejected[i]));
        for (int i = 0; i < batch.Count; i++)
        {
            summary.Files++;
            if (batch[i].Lines == null) summary.GoRejected++;
            else summary.GoAccepted++;
            if (results[i] is { } m) summary.Mismatches.Add(m);
            else if (batch[i].Lines == null) summary.BothRejected++;
            else summary.Matched++;
        }
        batch.Clear();
    }

    private static Mismatch? CompareOne(GoSpansOracle.Block block, GoVersion version, out bool weRejected)
    {
        var parsed = GoParser.ParseFile(block.Path, File.ReadAllBytes(block.Path), version);
        weRejected = parsed.HasErrors;
        if (block.Lines == null)
            return parsed.HasErrors ? null : new Mismatch(block.Path, "go/parser rejects it, mapscope accepts it");
        if (parsed.HasErrors)
            return new Mismatch(block.Path, "go/parser accepts it, mapscope rejects it: " + parsed.Format(parsed.Errors[0]));

        var ours = AstSpans.Lines(parsed.File);
        var theirs = block.Lines;
        ours.Sort(StringComparer.Ordinal);
        theirs.Sort(StringComparer.Ordinal);
        if (ours.SequenceEqual(theirs)) return null;

        var onlyOurs = ours.Except(theirs).Take(5);
        var onlyTheirs = theirs.Except(ours).Take(5);
        return new Mismatch(block.Path,
            $"spans differ (ours {ours.Count} lines, go/parser {theirs.Count}); only ours: [{string.Join("; ", onlyOurs)}] only go/parser: [{string.Join("; ", onlyTheirs)}]");
    }

    [SkippableTheory, MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void EveryFileOfGoRootSrcParsesLikeGoParser(string release)
    {
        var go = GoToolchain.Require(release);
        var files = Directory.EnumerateFiles(go.Src, "*.go", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => File.Exists(f))
            .Order(StringComparer.Ordinal)
            .ToList();

        var summary = Compare(go, files);
        output.WriteLine($"{go} GOROOT/src conformance: {summary}");
        Console.WriteLine($"{go} GOROOT/src conformance: {summary}");

        var report = new StringBuilder();
        foreach (var m in summary.Mismatches.Take(30)) report.Append('\n').Append(m.Path).Append(": ").Append(m.Detail);
        Assert.True(summary.Mismatches.Count == 0, summary + report.ToString());
        Assert.Equal(files.Count, summary.Files);
        Assert.True(summary.GoAccepted > 5000, "expected the whole standard library, got " + summary);
    }
}

/// <summary>Mutated real files through both parsers: the same verdict, and the same spans where accepted.</summary>
public sealed class MutatedConformanceTests(ITestOutputHelper output)
{
    [SkippableTheory, MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void MutatedFilesGetTheSameVerdictAsGoParser(string release)
    {
        var go = GoToolchain.Require(release);
        var seeds = RobustnessTests.RealFiles();
        var std = Directory.EnumerateFiles(Path.Combine(go.Src, "go"), "*.go", SearchOption.AllDirectories)
            .Where(f => !f.Contains("testdata", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(60);
        seeds.AddRange(std.Select(f => (f, File.ReadAllBytes(f))));

        var dir = Directory.CreateTempSubdirectory("mapscope-mutants-");
        try
        {
            var rng = new Random(11);
            var files = new List<string>();
            foreach (var (path, bytes) in seeds)
            {
                foreach (var (kind, mutated) in Mutator.Mutations(bytes, rng, 25))
                {
                    var name = Path.Combine(dir.FullName, $"{files.Count:D5}-{kind}.go");
                    File.WriteAllBytes(name, mutated);
                    files.Add(name);
                }
            }
            var summary = GoParserConformanceTests.Compare(go, files);
            output.WriteLine($"{go} mutated conformance: {summary}");
            Console.WriteLine($"{go} mutated conformance: {summary}");
            var report = string.Join("\n", summary.Mismatches.Take(20).Select(m => m.Path + ": " + m.Detail));
            Assert.True(summary.Mismatches.Count == 0, summary + "\n" + report);
            Assert.True(summary.GoRejected > 500 && summary.GoAccepted > 100, summary.ToString());
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
