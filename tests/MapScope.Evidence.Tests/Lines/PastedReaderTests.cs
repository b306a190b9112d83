using System.IO.Compression;
using System.Text;
using MapScope.Evidence.Escape;
using MapScope.Evidence.Pprof;
using MapScope.Evidence.Tests.Crash;
using MapScope.TestSupport;

namespace MapScope.Evidence.Tests.Lines;

/// <summary>
/// The other text readers behind the same cleaning stage: a legacy text heap profile and -m=2 escape output
/// of our fixtures, transformed by every paste variant, read to the same result as the recording.
/// </summary>
public class PastedReaderTests
{
    public static TheoryData<string, string> Variants
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var release in GoToolchain.Supported)
                foreach (var v in PasteVariants.Whole) data.Add(release, v.Name);
            return data;
        }
    }

    /// <summary>
    /// All variants but "tabs-lost": "#\t0x4b3f93\tmain.f+0xf3\t/src/x.go:21" with its tabs deleted glues hex
    /// digits to the function name ("0x4b3f93main…": 'a' is a hex digit), which no reader can split.
    /// </summary>
    public static TheoryData<string, string> HeapVariants
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var release in GoToolchain.Supported)
                foreach (var v in PasteVariants.Whole.Where(v => v.Name != "tabs-lost")) data.Add(release, v.Name);
            return data;
        }
    }

    private static string Apply(string variant, string text) => PasteVariants.Whole.Single(v => v.Name == variant).Apply(text);

    private static string HeapText(string release)
    {
        using var gz = new GZipStream(File.OpenRead(Path.Combine(FixtureArtifacts.Dir(release, "heap", "cache", "profiles"), "heap-3.txt.gz")), CompressionMode.Decompress);
        return new StreamReader(gz).ReadToEnd();
    }

    private static IEnumerable<string> Summary(Profile p) =>
        p.Samples.Select(s => $"{string.Join(',', s.Values)} @ {string.Join(" < ", s.Locations.Select(l => l.Lines.Length == 0 ? "?" : $"{l.Lines[0].Function.Name}:{l.Lines[0].LineNumber}"))} bytes={s.NumLabel("bytes")}");

    [Theory]
    [MemberData(nameof(HeapVariants))]
    public void LegacyHeapTextReadsTheSameSamples(string release, string variant)
    {
        var text = HeapText(release);
        var original = ProfileReader.Parse(Encoding.UTF8.GetBytes(text));
        var pasted = ProfileReader.Parse(Encoding.UTF8.GetBytes(Apply(variant, text)));
        Assert.NotEmpty(original.Samples);
        Assert.Equal(Summary(original), Summary(pasted));
        Assert.Equal(original.Functions.Select(f => (f.Name, f.Filename)), pasted.Functions.Select(f => (f.Name, f.Filename)));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void EscapeTextReadsTheSameMapsAndCopies(string release, string variant)
    {
        var text = File.ReadAllText(Path.Combine(FixtureArtifacts.Dir(release, "escape", "inlined"), "m2.log"));
        static EscapeLog Read(string t) => EscapeTextReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(t)));
        static IEnumerable<string> Maps(EscapeLog log) =>
            log.Maps.Select(m => $"{m.Position} {m.Expression} {m.Reason} [{string.Join(", ", m.Copies.Select(c => $"{c.CallSite} {c.Escapes} {c.Reason}"))}]");
        var original = Read(text);
        var pasted = Read(Apply(variant, text));
        Assert.NotEmpty(original.Maps);
        Assert.Equal(Maps(original), Maps(pasted));
        Assert.Equal(original.Leaks.Select(l => (l.Position, l.Kind, l.Operation)), pasted.Leaks.Select(l => (l.Position, l.Kind, l.Operation)));
        Assert.Equal(0, pasted.Lines.Unknown);
    }
}
