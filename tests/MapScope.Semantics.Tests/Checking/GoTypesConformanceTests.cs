using MapScope.Semantics.Checking;
using MapScope.TestSupport;
using Xunit.Abstractions;

namespace MapScope.Semantics.Tests.Checking;

/// <summary>
/// mapscope's map-typed expressions against go/types' Info.Types over all of std: recall, precision and
/// identical type strings, for every supported toolchain; the targets are 99.9% each, and the test prints
/// the numbers and the first differences.
/// </summary>
public sealed class GoTypesConformanceTests(ITestOutputHelper output)
{
    public sealed record Score(int Oracle, int Ours, int Matched, int SameType)
    {
        public double Recall => Oracle == 0 ? 1 : (double)Matched / Oracle;
        public double Precision => Ours == 0 ? 1 : (double)Matched / Ours;
        public double TypeAgreement => Matched == 0 ? 1 : (double)SameType / Matched;
        public override string ToString() =>
            $"go/types={Oracle} mapscope={Ours} matched={Matched} recall={Recall:P2} precision={Precision:P2} same-type={TypeAgreement:P2}";
    }

    public static (Score Score, List<string> Missing, List<string> Extra, List<string> Different) Compare(List<string> oracle, List<string> ours)
    {
        static (string Key, string Type) Split(string l)
        {
            int tab = l.LastIndexOf('\t');
            return (l[..tab], l[(tab + 1)..]);
        }
        var theirs = oracle.Select(Split).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Type);
        var mine = ours.Select(Split).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Type);
        var missing = theirs.Keys.Where(k => !mine.ContainsKey(k)).Select(k => k + "\t" + theirs[k]).ToList();
        var extra = mine.Keys.Where(k => !theirs.ContainsKey(k)).Select(k => k + "\t" + mine[k]).ToList();
        var matched = theirs.Keys.Where(mine.ContainsKey).ToList();
        var different = matched.Where(k => theirs[k] != mine[k]).Select(k => $"{k}\tgo/types: {theirs[k]}\tmapscope: {mine[k]}").ToList();
        return (new Score(theirs.Count, mine.Count, matched.Count, matched.Count - different.Count), missing, extra, different);
    }

    public static List<string> OurLines(Dictionary<string, PackageSource> packages, IEnumerable<string> targets, CheckerOptions? options = null)
    {
        PackageSource? Resolve(string path, string fromDir) =>
            packages.TryGetValue(path, out var p) ? p : packages.TryGetValue("vendor/" + path, out var v) ? v : null;
        var importer = new SourceImporter(Resolve) { Options = options ?? CheckerOptions.Default };
        var lines = new List<string>();
        foreach (var path in targets)
        {
            var checker = importer.CheckerFor(path, "");
            if (checker == null) continue;
            checker.CheckBodies();
            lines.AddRange(MapExpressions.Lines(checker));
        }
        return lines;
    }

    /// <summary>
    /// Each toolchain's std, `go list`ed by that toolchain, checked by go/types built by that toolchain
    /// with its own release's defaults (Go 1.24: aliases kept), and by mapscope with the same options.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void StdMapExpressionsAgreeWithGoTypes(string release)
    {
        var go = GoToolchain.Require(release);
        var packages = GoTypesOracle.GoList(go, go.Src, "std");
        var targets = packages.Keys.Order(StringComparer.Ordinal).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var oracle = GoTypesOracle.Lines(go, targets.Select(t => packages[t]), go.Src);
        var oracleTime = clock.Elapsed;
        var options = CheckerOptions.ForGoRelease(release);
        List<string> ours = [];
        clock.Restart();
        var worker = new Thread(() => ours = OurLines(packages, targets, options), 256 << 20);
        worker.Start();
        worker.Join();
        var ourTime = clock.Elapsed;
        var (score, missing, extra, different) = Compare(oracle, ours);

        output.WriteLine($"std of {go.Version}: {score}");
        output.WriteLine($"go/types (build + check) {oracleTime.TotalSeconds:F1} s, mapscope {ourTime.TotalSeconds:F1} s");
        Console.WriteLine($"types --maps over std of {go.Version}: {score}; mapscope {ourTime.TotalSeconds:F1} s");
        foreach (var l in missing.Take(30)) output.WriteLine("missing " + l);
        foreach (var l in extra.Take(30)) output.WriteLine("extra   " + l);
        foreach (var l in different.Take(30)) output.WriteLine("differs " + l);

        Assert.True(score.Oracle > 3000, "go/types should report thousands of map expressions in std: " + score);
        // the oracle runs with the release's defaults: from Go 1.23 on, html/template's FuncMap (an alias
        // of text/template.FuncMap) prints by its own name
        bool aliasByName = oracle.Any(l => l.EndsWith("\thtml/template.FuncMap", StringComparison.Ordinal));
        Assert.True(aliasByName == options.Aliases, $"go/types of {go.Version} prints aliases by name: {aliasByName}, expected {options.Aliases}");
        Assert.True(score.Recall >= Target.Recall, score + "\n" + string.Join("\n", missing.Take(20)));
        Assert.True(score.Precision >= Target.Precision, score + "\n" + string.Join("\n", extra.Take(20)));
        Assert.True(score.TypeAgreement >= Target.SameType, score + "\n" + string.Join("\n", different.Take(20)));
    }

    private static class Target
    {
        public const double Recall = 0.999;
        public const double Precision = 0.999;
        public const double SameType = 0.999;
    }
}
