using System.Text;
using System.Text.RegularExpressions;
using MapScope.TestSupport;

namespace MapScope.Cli.Tests;

/// <summary>
/// `mapscope ast` end to end on the bundled example module.
/// These need the real parser: until src/MapScope.Syntax lands they fail with NotImplementedException
/// (reported by the CLI as an internal error, exit 3).
/// </summary>
public class AstCommandTests
{
    private const string CacheGo = "examples/cache/cache.go";

    private static byte[] Source(string relative) => File.ReadAllBytes(RepoPaths.Combine(relative.Split('/')));

    private static (string Kind, int Start, int End)[] Nodes(IEnumerable<string> lines) =>
        lines.Where(l => !l.StartsWith("== ", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .Select(p => (p[0], int.Parse(p[1]), int.Parse(p[2])))
            .ToArray();

    [Fact]
    public void Spans_IdentifierOffsetsCoverTheirNames()
    {
        var run = CliRun.Of("ast", "--format", "spans", CacheGo);
        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("== " + CacheGo, run.OutLines[0]);

        var source = Source(CacheGo);
        var idents = Nodes(run.OutLines).Where(n => n.Kind == "Ident")
            .Select(n => Encoding.UTF8.GetString(source, n.Start, n.End - n.Start))
            .ToList();
        Assert.All(idents, name => Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", name));
        Assert.Contains("quotes", idents);
        Assert.Contains("TTLCache", idents);
        Assert.Contains("delete", idents);
    }

    [Fact]
    public void Spans_OneFuncDeclPerTopLevelFunc()
    {
        var run = CliRun.Of("ast", "--format", "spans", CacheGo);
        Assert.Equal(0, run.ExitCode);
        var source = Source(CacheGo);
        int expected = Encoding.UTF8.GetString(source).Split('\n').Count(l => l.StartsWith("func ", StringComparison.Ordinal));
        var funcs = Nodes(run.OutLines).Where(n => n.Kind == "FuncDecl").ToArray();
        Assert.Equal(expected, funcs.Length);
        // go/ast: FuncDecl.Pos() is its "func" keyword, not its doc comment.
        Assert.All(funcs, f => Assert.Equal("func ", Encoding.UTF8.GetString(source, f.Start, 5)));
    }

    [SkippableFact]
    public void Spans_MatchGoParserOnEveryExampleFile()
    {
        var gospans = GoSpans.Build();
        var files = Directory.EnumerateFiles(RepoPaths.Combine("examples"), "*.go", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(files.Length >= 3);

        var ours = CliRun.Of(["ast", "--format", "spans", .. files]);
        Assert.Equal(0, ours.ExitCode);
        var theirs = GoToolchain.Run(gospans, string.Join(' ', files), RepoPaths.Root);
        foreach (var file in files)
            Assert.Equal(Section(theirs, file), Section(ours.Out, file));
    }

    /// <summary>The sorted node lines printed under "== file".</summary>
    private static string[] Section(string output, string file) =>
        output.Split('\n').SkipWhile(l => l != "== " + file).Skip(1)
            .TakeWhile(l => l.Length > 0 && !l.StartsWith("== ", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Stdin_IsParsedUnderItsOwnName()
    {
        var source = Source(CacheGo);
        var fromFile = CliRun.Of("ast", "--format", "spans", CacheGo);
        var fromStdin = CliRun.In(RepoPaths.Root, source, "ast", "--format", "spans", "-");
        Assert.Equal(0, fromStdin.ExitCode);
        Assert.Equal("== <stdin>", fromStdin.OutLines[0]);
        Assert.Equal(fromFile.OutLines.Skip(1), fromStdin.OutLines.Skip(1));
    }

    [Fact]
    public void SyntaxError_PrintsErrorLineAndPosition_Exit1()
    {
        var broken = "package p\n\nfunc f( {\n"u8.ToArray();
        var run = CliRun.In(RepoPaths.Root, broken, "ast", "--format", "spans", "-");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["== <stdin>", "ERROR"], run.OutLines);
        Assert.NotEmpty(run.ErrorLines);
        Assert.All(run.ErrorLines, l => Assert.Matches(new Regex(@"^<stdin>:\d+:\d+: \S"), l));
    }

    [Fact]
    public void Directory_MeansItsGoFilesSorted()
    {
        var run = CliRun.Of("ast", "--format", "spans", "examples/cart", "examples/cache");
        Assert.Equal(0, run.ExitCode);
        var headers = run.OutLines.Where(l => l.StartsWith("== ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["== examples/cart/cart.go", "== examples/cache/cache.go"], headers);
    }

    [Fact]
    public void MissingFileAmongGoodOnes_OthersStillPrinted_Exit2()
    {
        var run = CliRun.Of("ast", "--format", "spans", "examples/cart/cart.go", "missing.go", CacheGo);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["mapscope: missing.go: no such file or directory"], run.ErrorLines);
        var headers = run.OutLines.Where(l => l.StartsWith("== ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["== examples/cart/cart.go", "== " + CacheGo], headers);
    }

    [Fact]
    public void Tree_IsTheDefaultAndNamesTheDeclarations()
    {
        var run = CliRun.Of("ast", CacheGo);
        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Quote", run.Out);
        Assert.Contains("TTLCache", run.Out);
        // one header per file, then indented nodes with line:column spans
        Assert.StartsWith("== ", run.Out);
        Assert.Single(run.Out.Split('\n'), l => l.StartsWith("== ", StringComparison.Ordinal));
        Assert.Contains("\n  GenDecl [", run.Out);
        Assert.DoesNotContain("ERROR", run.Out);
    }

    [Fact]
    public void StdinTwice_Exit2()
    {
        var run = CliRun.In(RepoPaths.Root, [], "ast", "--format", "spans", "-", "-");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("mapscope: -: stdin given more than once", run.ErrorLines);
    }

    /// <summary>--go picks the release whose go/parser to match: `const c` without a value is a syntax error for 1.19 only.</summary>
    [Fact]
    public void GoFlagParsesAsThatReleasesGoParser()
    {
        var source = System.Text.Encoding.UTF8.GetBytes("package p\n\nconst c\n");
        var old = CliRun.In(RepoPaths.Root, source, "ast", "--go", "1.19", "-");
        Assert.Equal(1, old.ExitCode);
        Assert.Contains(old.ErrorLines, l => l.Contains("missing constant value", StringComparison.Ordinal));
        var today = CliRun.In(RepoPaths.Root, source, "ast", "--go", "go1.24.4", "-");
        Assert.Equal(0, today.ExitCode);
        Assert.Equal(today.Out, CliRun.In(RepoPaths.Root, source, "ast", "-").Out);
        var bad = CliRun.In(RepoPaths.Root, source, "ast", "--go", "banana", "-");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--go: banana", bad.Error);
    }
}
