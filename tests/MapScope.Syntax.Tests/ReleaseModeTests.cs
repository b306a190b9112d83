using System.Text;
using MapScope.Syntax.Ast;
using MapScope.Syntax.Tests.Conformance;
using MapScope.TestSupport;
using static MapScope.Syntax.Tests.ParseHelpers;

namespace MapScope.Syntax.Tests;

/// <summary>
/// go/parser of Go 1.19 and of Go 1.24 disagree on some inputs: checks that moved to go/types after 1.19,
/// embedded fields that became stricter, and the parentheses of a type parameter constraint (kept from
/// 1.24). mapscope parses in the mode of a release; expected positions are derived from the source text
/// here, and compared with each installed toolchain's go/parser in <see cref="EachReproducerMatchesGoParserOfThatRelease"/>.
/// </summary>
public sealed class ReleaseModeTests
{
    private static readonly GoVersion Go119 = GoVersion.Go1_19;
    private static readonly GoVersion Go124 = GoVersion.Go1_24;

    private const string ParenConstraint = "package p; type T[P (*int),] int\n";

    /// <summary>Rejected by go/parser 1.19 (error at the marker's offset), accepted by later releases.</summary>
    public static TheoryData<string, string, string> AcceptedAfter119 => new()
    {
        { "package p; const c\n", "c\n", "missing constant value" },
        { "package p; const ( a = iota; b int )\n", "b int", "missing constant value" },
        { "package p; import \"a!b\"\n", "\"a!b\"", "invalid import path: \"a!b\"" },
        { "package p; import \"\"\n", "\"\"", "invalid import path: \"\"" },
        { "package p; var _ = [...]byte(\"foo\")\n", "...", "expected array length, found '...'" },
        { "package p; func f() { var a []int; a[0], b := 1, 2; _ = b }\n", "a[0], b :=", "expected identifier on left side of :=" },
        { "package p; func f() { select { case a[0], b := <-c: _ = b } }\n", "a[0], b :=", "expected identifier on left side of :=" },
        { "package p; var _ = []int\n", "[]int", "expected expression" },
        { "package p; func f(x any) { switch x.(type) { case 1: } }\n", "1:", "expected type, found 1" },
        { "package p; type S struct { T[int,] }\n", "] }", "expected operand, found ']'" },
    };

    /// <summary>Accepted by go/parser 1.19 (which takes any type as an embedded field), rejected later.</summary>
    public static TheoryData<string, string, string, string> RejectedAfter119 => new()
    {
        // source, where the embedded field starts, where the later error is, the later error
        { "package p; type S struct { (T) }\n", "(T)", "(T)", "cannot parenthesize embedded type" },
        { "package p; type S struct { *(T) }\n", "*(T)", "(T)", "cannot parenthesize embedded type" },
        { "package p; type S struct { *[]int }\n", "*[]int", "[]int", "expected 'IDENT', found '['" },
    };

    [Theory, MemberData(nameof(AcceptedAfter119))]
    public void Go119RejectsWhatLaterReleasesLeaveToGoTypes(string source, string marker, string message)
    {
        var old = Parse(source, Go119);
        Assert.NotEmpty(old.Errors);
        var e = old.Errors[0];
        Assert.Equal(message, e.Message);
        Assert.Equal(At(source, marker), e.Offset);

        Assert.Empty(Parse(source, Go124).Errors);
        Assert.Empty(Parse(source, new GoVersion(1, 21)).Errors); // measured: go/parser 1.21 accepts them all
        Assert.Empty(ParseHelpers.Parse(source).Errors); // the default is the newest release
    }

    [Theory, MemberData(nameof(RejectedAfter119))]
    public void LaterReleasesRejectEmbeddedFieldsThatAreNotTypeNames(string source, string fieldStart, string marker, string message)
    {
        var old = Parse(source, Go119);
        Assert.Empty(old.Errors);
        var field = Single<Field>(old);
        Assert.Null(field.Names);
        Assert.Equal(At(source, fieldStart), field.Pos);
        Assert.Equal(At(source, " }"), field.End);

        var now = Parse(source, Go124);
        Assert.NotEmpty(now.Errors);
        Assert.Equal(message, now.Errors[0].Message);
        Assert.Equal(At(source, marker), now.Errors[0].Offset);
    }

    [Fact]
    public void ArrayConversionIsACallOfAnArrayTypeFromGo120()
    {
        const string source = "package p; var _ = [...]byte(\"foo\")\n";
        var f = Parse(source, Go124);
        Assert.Empty(f.Errors);
        var call = Single<CallExpr>(f);
        var array = Assert.IsType<ArrayType>(call.Fun);
        Assert.Equal(At(source, "[...]"), array.Pos);
        Assert.Equal(At(source, "(\"foo\")"), array.End);
        Assert.Equal(At(source, "..."), Assert.IsType<Ellipsis>(array.Len).Pos);
        Assert.Equal(At(source, "\"foo\""), Assert.Single(call.Args).Pos);
        Assert.Equal(At(source, "\n"), call.End);
    }

    [Fact]
    public void ShortVarDeclKeepsAnIndexOnItsLeftFromGo120()
    {
        const string source = "package p; func f() { var a []int; a[0], b := 1, 2; _ = b }\n";
        var f = Parse(source, Go124);
        Assert.Empty(f.Errors);
        var define = Single<AssignStmt>(f, a => a.Tok == Token.DEFINE);
        var index = Assert.IsType<IndexExpr>(define.Lhs[0]);
        Assert.Equal(At(source, "a[0]"), index.Pos);
        Assert.Equal(At(source, ", b :="), index.End);
        Assert.Equal("b", Assert.IsType<Ident>(define.Lhs[1]).Name);
        Assert.Equal(At(source, ":= 1"), define.TokPos);
    }

    [Fact]
    public void ConstantWithoutValueIsASpecWithoutValuesFromGo120()
    {
        const string source = "package p; const c\n";
        var spec = Single<ValueSpec>(Parse(source, Go124));
        Assert.Null(spec.Values);
        Assert.Null(spec.Type);
        Assert.Equal(At(source, "c\n"), spec.Pos);
        Assert.Equal(At(source, "\n"), spec.End);
    }

    [Fact]
    public void Go124KeepsTheParenthesesOfAConstraint()
    {
        var now = Parse(ParenConstraint, Go124);
        Assert.Empty(now.Errors);
        var field = Assert.Single(Single<TypeSpec>(now).TypeParams!.List);
        var paren = Assert.IsType<ParenExpr>(field.Type);
        Assert.Equal(At(ParenConstraint, "(*int)"), paren.Pos);
        Assert.Equal(At(ParenConstraint, ",]"), paren.End);
        Assert.Equal(At(ParenConstraint, "*int"), Assert.IsType<StarExpr>(paren.X).Pos);
        Assert.Equal(At(ParenConstraint, "P ("), field.Pos);
        Assert.Equal(At(ParenConstraint, ",]"), field.End);

        // Go 1.19 to 1.23 (measured on 1.19, 1.21, 1.22, 1.23) drop them: the Field ends one byte earlier
        foreach (var old in new[] { Go119, new GoVersion(1, 23) })
        {
            var f = Parse(ParenConstraint, old);
            Assert.Empty(f.Errors);
            var oldField = Assert.Single(Single<TypeSpec>(f).TypeParams!.List);
            var star = Assert.IsType<StarExpr>(oldField.Type);
            Assert.Equal(At(ParenConstraint, "*int"), star.Pos);
            Assert.Equal(At(ParenConstraint, ")"), oldField.End);
            Assert.DoesNotContain(Nodes(f), n => n is ParenExpr);
        }
    }

    /// <summary>
    /// Every reproducer through go/parser of the release and mapscope in that release's mode: the same
    /// verdict and the same spans; and the verdicts are the ones the other tests expect of that release.
    /// </summary>
    [SkippableTheory, MemberData(nameof(GoToolchain.Releases), MemberType = typeof(GoToolchain))]
    public void EachReproducerMatchesGoParserOfThatRelease(string release)
    {
        var go = GoToolchain.Require(release);
        var accepted = AcceptedAfter119.Select(r => (string)r[0]).ToList();
        var rejected = RejectedAfter119.Select(r => (string)r[0]).ToList();
        var dir = Directory.CreateTempSubdirectory("mapscope-releases-");
        try
        {
            var files = new List<string>();
            foreach (var source in accepted.Concat(rejected).Append(ParenConstraint))
            {
                var name = Path.Combine(dir.FullName, $"r{files.Count:D2}.go");
                System.IO.File.WriteAllBytes(name, Encoding.UTF8.GetBytes(source));
                files.Add(name);
            }
            var summary = GoParserConformanceTests.Compare(go, files);
            Assert.True(summary.Mismatches.Count == 0, summary + "\n" + string.Join("\n", summary.Mismatches.Select(m => m.Path + ": " + m.Detail)));
            int expectRejected = GoVersion.Parse(go.Version) < GoVersion.Go1_20 ? accepted.Count : rejected.Count;
            Assert.Equal(expectRejected, summary.GoRejected);
            Assert.Equal(files.Count - expectRejected, summary.Matched);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("1.24", 1, 24)]
    [InlineData("go1.19", 1, 19)]
    [InlineData("go1.24.4", 1, 24)]
    [InlineData("go1.21rc2", 1, 21)]
    [InlineData(" go1.22.0 X:nocoverageredesign\n", 1, 22)]
    public void GoVersionReadsWhatGoEnvPrints(string text, int major, int minor)
    {
        Assert.True(GoVersion.TryParse(text, out var v));
        Assert.Equal(new GoVersion(major, minor), v);
        Assert.Equal($"{major}.{minor}", v.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("go")]
    [InlineData("devel +abc")]
    [InlineData("1.")]
    [InlineData("x1.2")]
    public void GoVersionRejectsWhatIsNotAVersion(string text)
    {
        Assert.False(GoVersion.TryParse(text, out _));
        Assert.Throws<FormatException>(() => GoVersion.Parse(text));
    }

    [Fact]
    public void GoVersionsOrderByMinorRelease()
    {
        Assert.True(GoVersion.Go1_19 < GoVersion.Go1_20);
        Assert.True(new GoVersion(1, 9) < GoVersion.Go1_19);
        Assert.True(new GoVersion(2, 0) > GoVersion.Latest);
        Assert.Equal(GoVersion.Go1_24, GoVersion.Latest);
    }

    private static ParsedFile Parse(string source, GoVersion version) =>
        GoParser.ParseFile("test.go", Encoding.UTF8.GetBytes(source), version);
}
