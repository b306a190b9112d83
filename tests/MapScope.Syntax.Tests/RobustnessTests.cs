using System.Text;
using MapScope.Syntax.Ast;
using MapScope.TestSupport;

namespace MapScope.Syntax.Tests;

/// <summary>
/// Hostile and broken input: mutated real files, extreme nesting, huge single-line files. The parser must
/// never throw, must report an error where the input is certainly invalid, must keep every position inside
/// the file, and must do work linear in the input size (measured by its step counter, not by a clock).
/// </summary>
public sealed class RobustnessTests
{
    // Observed over GOROOT/src: about one step (token or nesting level) per source byte. Four leaves room
    // for error recovery while still catching anything super-linear.
    private const int StepsPerByte = 4;

    internal static List<(string Path, byte[] Source)> RealFiles()
    {
        var files = new List<string>();
        foreach (var dir in new[] { "examples", "tests/fixtures", "tests/gotools", "bench/goparse" })
        {
            var full = RepoPaths.Combine(dir);
            if (Directory.Exists(full)) files.AddRange(Directory.EnumerateFiles(full, "*.go", SearchOption.AllDirectories));
        }
        files.Sort(StringComparer.Ordinal);
        return files.Select(f => (f, System.IO.File.ReadAllBytes(f))).Where(f => !GoParser.ParseFile(f.f, f.Item2).HasErrors).ToList();
    }

    private static ParsedFile ParseChecked(byte[] src, string what)
    {
        var parsed = GoParser.ParseFile("mutated.go", src, GoVersion.Latest, out long steps);
        Assert.True(steps <= StepsPerByte * (long)src.Length + 64, $"{what}: {steps} steps for {src.Length} bytes");
        Inspector.Inspect(parsed.File, n =>
        {
            Assert.InRange(n.Pos, -1, src.Length);
            Assert.InRange(n.End, -1, src.Length + 1);
            return true;
        });
        foreach (var e in parsed.Errors) Assert.InRange(e.Offset, 0, src.Length);
        return parsed;
    }

    [Fact]
    public void ThousandsOfMutationsOfRealFilesNeverThrow()
    {
        var files = RealFiles();
        Assert.True(files.Count >= 10, "expected the repository's Go files as seeds");
        var rng = new Random(20261122);
        int parses = 0, rejected = 0;
        foreach (var (path, src) in files)
        {
            foreach (var (kind, mutated) in Mutator.Mutations(src, rng, 80))
            {
                var parsed = ParseChecked(mutated, $"{path} {kind}");
                parses++;
                if (parsed.HasErrors) rejected++;
            }
        }
        Assert.True(parses >= 1000, $"only {parses} mutations");
        Assert.True(rejected > parses / 2, $"{rejected} of {parses} mutations were rejected; most mutations break a file");
    }

    [Fact]
    public void TruncationBeforeTheLastBraceIsAlwaysAnError()
    {
        int checkedFiles = 0;
        foreach (var (path, src) in RealFiles())
        {
            int last = Array.FindLastIndex(src, b => !char.IsWhiteSpace((char)b));
            if (last < 0 || src[last] != '}') continue;
            var parsed = ParseChecked(src[..last], path);
            Assert.True(parsed.HasErrors, $"{path} without its last '}}' parsed cleanly");
            checkedFiles++;
        }
        Assert.True(checkedFiles >= 5);
    }

    [Theory]
    [InlineData("package p\nvar x = ", "(", "1", ")")]
    [InlineData("package p\nvar x = ", "a[", "0", "]")]
    [InlineData("package p\nfunc f() ", "{", "", "}")]
    [InlineData("package p\nvar x = ", "[]", "int", "")]
    [InlineData("package p\nvar x = ", "^", "1", "")]
    [InlineData("package p\nvar x = ", "func() int { return ", "1", "}()")]
    public void HundredThousandNestingLevelsAreAnErrorNotACrash(string prefix, string open, string middle, string close)
    {
        const int depth = 100_000;
        var sb = new StringBuilder(prefix);
        for (int i = 0; i < depth; i++) sb.Append(open);
        sb.Append(middle);
        for (int i = 0; i < depth; i++) sb.Append(close);
        sb.Append('\n');
        var parsed = ParseChecked(Encoding.UTF8.GetBytes(sb.ToString()), open);
        Assert.Contains(parsed.Errors, e => e.Message == "exceeded max nesting depth");
    }

    [Fact]
    public void DeepButBoundedNestingParsesAndWalks()
    {
        // deeper than an ordinary thread's stack allows for the parser's recursion, shallower than the bound
        const int depth = 2_000;
        var src = "package p\nvar x = " + new string('(', depth) + "1" + new string(')', depth) + "\n";
        var parsed = ParseChecked(Encoding.UTF8.GetBytes(src), "parens");
        Assert.False(parsed.HasErrors);
        Assert.Equal(depth, AstSpans.Lines(parsed.File).Count(l => l.StartsWith("ParenExpr ", StringComparison.Ordinal)));
        var outer = ParseHelpers.Single<ParenExpr>(parsed, p => p.Lparen == src.IndexOf('('));
        Assert.Equal(src.LastIndexOf(')') + 1, outer.End);
    }

    [Fact]
    public void FiftyMegabyteSingleLineFiles()
    {
        const int size = 50 << 20;

        // one huge string literal: valid, one line
        var str = new byte[size];
        var head = "package p; var s = \""u8;
        head.CopyTo(str);
        str.AsSpan(head.Length, size - head.Length - 1).Fill((byte)'a');
        str[^1] = (byte)'"';
        var parsed = ParseChecked(str, "string");
        Assert.False(parsed.HasErrors);
        Assert.Equal(1, parsed.Lines.LineCount);
        Assert.Equal(size - head.Length + 1, ParseHelpers.Single<BasicLit>(parsed).ValueLength);

        // one huge expression: rejected at the nesting bound, quickly
        var sum = new byte[size];
        head = "package p; var x = 1"u8;
        head.CopyTo(sum);
        for (int i = head.Length; i + 1 < size; i += 2)
        {
            sum[i] = (byte)'+';
            sum[i + 1] = (byte)'1';
        }
        if ((size - head.Length) % 2 == 1) sum[^1] = (byte)' ';
        parsed = ParseChecked(sum, "sum");
        Assert.True(parsed.HasErrors);

        // binary garbage without a newline
        var garbage = new byte[size];
        new Random(7).NextBytes(garbage);
        for (int i = 0; i < garbage.Length; i++) if (garbage[i] == '\n') garbage[i] = (byte)' ';
        parsed = ParseChecked(garbage, "garbage");
        Assert.True(parsed.HasErrors);
    }
}
