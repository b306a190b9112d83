using System.Text;
using MapScope.Semantics.Loading;

namespace MapScope.Semantics.Tests;

/// <summary>Where constraints count (go/build's parseFileHeader rules) and what the header reader extracts.</summary>
public class FileHeaderTests
{
    private static readonly BuildContext Linux = new() { GoOS = "linux", GoArch = "amd64", CgoEnabled = true };

    private static FileHeader Header(string src) => FileHeaderReader.Parse(Encoding.UTF8.GetBytes(src), out _);

    private static bool Builds(string src)
    {
        var (ok, error) = FileMatcher.ShouldBuild(Header(src), Linux);
        Assert.Null(error);
        return ok;
    }

    [Fact]
    public void GoBuildLineDecides() => Assert.False(Builds("//go:build windows\n\npackage p\n"));

    [Fact]
    public void GoBuildLineWithoutBlankLineStillCounts() =>
        // go/build reads //go:build anywhere in the comments before the package clause (vet complains, the build obeys).
        Assert.False(Builds("// Package p does things.\n//go:build windows\npackage p\n"));

    [Fact]
    public void GoBuildOverridesPlusBuild() =>
        Assert.True(Builds("//go:build linux\n// +build windows\n\npackage p\n"));

    [Fact]
    public void PlusBuildBeforeBlankLineCounts() => Assert.False(Builds("// +build windows\n\npackage p\n"));

    [Fact]
    public void PlusBuildDirectlyAbovePackageIsDocComment() => Assert.True(Builds("// +build windows\npackage p\n"));

    [Fact]
    public void PlusBuildAfterLicenseBlockCounts() =>
        Assert.False(Builds("// Copyright 2020.\n// License.\n\n// +build windows\n\npackage p\n"));

    [Fact]
    public void PlusBuildLinesAreAnded() =>
        Assert.False(Builds("// +build linux\n// +build arm64\n\npackage p\n"));

    [Fact]
    public void PlusBuildAfterBlockCommentDoesNotCount() =>
        Assert.True(Builds("/* header */\n// +build windows\n\npackage p\n"));

    [Fact]
    public void GoBuildInsideBlockCommentDoesNotCount() =>
        Assert.True(Builds("/*\n//go:build windows\n*/\n\npackage p\n"));

    [Fact]
    public void ConstraintsAfterPackageClauseDoNotCount() =>
        Assert.True(Builds("package p\n\n//go:build windows\n"));

    [Fact]
    public void TwoGoBuildLinesAreAnError()
    {
        var (ok, error) = FileMatcher.ShouldBuild(Header("//go:build linux\n//go:build amd64\n\npackage p\n"), Linux);
        Assert.False(ok);
        Assert.Contains("multiple //go:build", error);
    }

    [Fact]
    public void BadGoBuildSyntaxIsAnError()
    {
        var (ok, error) = FileMatcher.ShouldBuild(Header("//go:build linux &&\n\npackage p\n"), Linux);
        Assert.False(ok);
        Assert.StartsWith("parsing //go:build line", error);
    }

    [Fact]
    public void ReadsPackageImportsAndImportComment()
    {
        var h = Header("""
            // Doc.
            package cache // import "example.com/repo/cache"

            /*
            #include <stdio.h>
            */
            import "C"
            import (
            	"fmt" // comment
            	str "strings"
            	. "math"
            	_ `net/http`
            ); import "os"

            var x = 1
            import "not/an/import"
            """);
        Assert.Equal("cache", h.PackageName);
        Assert.Equal("example.com/repo/cache", h.ImportComment);
        Assert.Equal(["C", "fmt", "strings", "math", "net/http", "os"], h.Imports);
        Assert.True(h.ImportsC);
        Assert.Null(h.Error);
    }

    [Fact]
    public void BlockImportCommentOnOneLine() =>
        Assert.Equal("x/y", Header("package y /* import \"x/y\" */\n").ImportComment);

    [Fact]
    public void LongHeaderIsReadBeyondThePrefix()
    {
        var path = Path.GetTempFileName();
        try
        {
            var sb = new StringBuilder("//go:build linux\n\n");
            for (int i = 0; i < 400; i++) sb.Append("// License line ").Append(i).Append(" ........................\n");
            sb.Append("package big\n\nimport (\n");
            for (int i = 0; i < 300; i++) sb.Append("\t\"example.com/p").Append(i).Append("\"\n");
            sb.Append(")\n");
            File.WriteAllText(path, sb.ToString());
            var h = FileHeaderReader.Read(path);
            Assert.Equal("big", h.PackageName);
            Assert.Equal(300, h.Imports.Count);
            Assert.Equal("example.com/p299", h.Imports[^1]);
        }
        finally { File.Delete(path); }
    }

    // FileHeaderReader reads this many bytes first; the cases below put a token across that boundary.
    private const int Prefix = 8192;

    /// <summary>
    /// A valid file whose byte Prefix-1 is the first byte of <paramref name="straddling"/>: a comment
    /// opener, a string's quote, or the first byte of a two-byte rune. inImports puts the token inside
    /// the import block, otherwise it is before the package clause.
    /// </summary>
    public static TheoryData<string, bool, int> Straddles => new()
    {
        // text that straddles, whether it is inside the import block, its byte that must sit at Prefix-1
        { "// comment\n", false, 0 },
        { "/* comment */\n", false, 0 },
        { "// comment\n", true, 0 },
        { "/* comment */\n", true, 0 },
        { "\"example.com/split\"\n", true, 0 },
        { "\"example.com/split\"\n", true, 5 },   // inside the string
        { "`example.com/split`\n", true, 0 },
        { "\"example.com/\u00e9t\u00e9\"\n", true, 13 }, // é's two bytes at Prefix-1 and Prefix
        { "// \u00e9t\u00e9\n", false, 3 },            // a rune in a comment before the package clause
    };

    [Theory, MemberData(nameof(Straddles))]
    public void TokenAcrossThePrefixBoundaryIsReadWhole(string straddling, bool inImports, int at)
    {
        var head = inImports ? "//go:build linux\n\npackage p\n\nimport (\n\t\"fmt\"\n" : "//go:build linux\n\n";
        var tail = inImports ? "\t\"os\"\n)\n\nfunc main() {}\n" : "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n";
        var padding = Prefix - 1 - at - Encoding.UTF8.GetByteCount(head);
        var bytes = Encoding.UTF8.GetBytes(head + new string('\n', padding) + straddling + tail);
        Assert.Equal(Encoding.UTF8.GetBytes(straddling)[at], bytes[Prefix - 1]);
        Assert.Empty(MapScope.Syntax.GoParser.ParseFile("straddle.go", bytes).Errors); // the file is valid Go

        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            var h = FileHeaderReader.Read(path);
            Assert.Null(h.Error);
            Assert.Equal("p", h.PackageName);
            Assert.Equal("linux", h.GoBuild);
            var imports = new List<string> { "fmt" };
            if (inImports && !straddling.StartsWith("/", StringComparison.Ordinal)) imports.Add(straddling.Trim()[1..^1].Normalize());
            imports.Add("os");
            Assert.Equal(imports, h.Imports);
        }
        finally { File.Delete(path); }
    }
}
