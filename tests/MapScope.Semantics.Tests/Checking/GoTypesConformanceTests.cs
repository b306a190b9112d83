using MapScope.Semantics.Checking;
using MapScope.TestSupport;
using Xunit.Abstractions;

namespace MapScope.Semantics.Tests.Checking;

/// <summary>
/// mapscope's map-typed expressions against go/types' Info.Types over all of std: recall, precision and
/// identical type strings. Issue #3's targets are 99% / 99.9% / 99%; this test pins the measured floor
/// so that regressions fail, and prints the numbers.
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

    public static List<string> OurLines(Dictionary<string, PackageSource> packages, IEnumerable<string> targets)
    {
        PackageSource? Resolve(string path, string fromDir) =>
            packages.TryGetValue(path, out var p) ? p : packages.TryGetValue("vendor/" + path, out var v) ? v : null;
        var importer = new SourceImporter(Resolve);
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

    [SkippableFact]
    public void StdMapExpressionsAgreeWithGoTypes()
    {
        var src = GoToolchain.RequireGoRootSrc();
        var packages = GoTypesOracle.GoList(src, "std");
        var targets = packages.Keys.Order(StringComparer.Ordinal).ToList();
        var oracle = GoTypesOracle.Lines(targets.Select(t => packages[t]), src);
        List<string> ours = [];
        var worker = new Thread(() => ours = OurLines(packages, targets), 256 << 20);
        worker.Start();
        worker.Join();
        var (score, missing, extra, different) = Compare(oracle, ours);

        output.WriteLine("std: " + score);
        Console.WriteLine("types --maps over std: " + score);
        foreach (var l in missing.Take(15)) output.WriteLine("missing " + l);
        foreach (var l in extra.Take(15)) output.WriteLine("extra   " + l);
        foreach (var l in different.Take(15)) output.WriteLine("differs " + l);

        Assert.True(score.Oracle > 3000, "go/types should report thousands of map expressions in std: " + score);
        // floors measured when this test was written; raise them as the type layer improves
        Assert.True(score.Recall >= MeasuredFloor.Recall, score + "\n" + string.Join("\n", missing.Take(20)));
        Assert.True(score.Precision >= MeasuredFloor.Precision, score + "\n" + string.Join("\n", extra.Take(20)));
        Assert.True(score.TypeAgreement >= MeasuredFloor.SameType, score + "\n" + string.Join("\n", different.Take(20)));
    }

    private static class MeasuredFloor
    {
        public const double Recall = 0.999;
        public const double Precision = 0.999;
        public const double SameType = 0.999;
    }
}
