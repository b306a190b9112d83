using System.Text;

namespace MapScope.Syntax.Tests;

/// <summary>The lexer: tokens, automatic semicolons, literal forms and the errors go/scanner reports.</summary>
public sealed class ScannerTests
{
    private static (List<(Token Tok, string Lit)> Tokens, List<string> Errors) Scan(string src) => Scan(Encoding.UTF8.GetBytes(src));

    private static (List<(Token Tok, string Lit)> Tokens, List<string> Errors) Scan(byte[] bytes)
    {
        var errors = new List<string>();
        var s = new Scanner(bytes, (off, msg) => errors.Add($"{off}: {msg}"));
        var toks = new List<(Token Tok, string Lit)>();
        do
        {
            s.Scan();
            var lit = s.Tok == Token.SEMICOLON && s.SemiIsNewline ? "\\n" : Encoding.UTF8.GetString(s.Lit);
            toks.Add((s.Tok, lit));
        } while (s.Tok != Token.EOF && toks.Count < 10_000);
        return (toks, errors);
    }

    private static string Kinds(string src) => string.Join(" ", Scan(src).Tokens.Select(t => t.Tok.ToString()));

    [Theory]
    [InlineData("x := y\n", "IDENT DEFINE IDENT SEMICOLON EOF")]
    [InlineData("return\n}", "RETURN SEMICOLON RBRACE SEMICOLON EOF")]
    [InlineData("a &^= b <<= c >>= d", "IDENT AND_NOT_ASSIGN IDENT SHL_ASSIGN IDENT SHR_ASSIGN IDENT SEMICOLON EOF")]
    [InlineData("<-ch ... . ~T", "ARROW IDENT ELLIPSIS PERIOD TILDE IDENT SEMICOLON EOF")]
    [InlineData("x++ /* c */\ny", "IDENT INC SEMICOLON COMMENT IDENT SEMICOLON EOF")]
    [InlineData("x /* multi\nline */ y", "IDENT SEMICOLON COMMENT IDENT SEMICOLON EOF")]
    [InlineData("x /* one */ y", "IDENT COMMENT IDENT SEMICOLON EOF")]
    [InlineData("break continue fallthrough", "BREAK CONTINUE FALLTHROUGH SEMICOLON EOF")]
    [InlineData("chan map interface struct func", "CHAN MAP INTERFACE STRUCT FUNC EOF")]
    [InlineData("café := 1", "IDENT DEFINE INT SEMICOLON EOF")]
    public void TokensAndAutomaticSemicolons(string src, string expected) => Assert.Equal(expected, Kinds(src));

    [Theory]
    [InlineData("0x1p-2", Token.FLOAT)]
    [InlineData("0X_1FFFP+16", Token.FLOAT)]
    [InlineData("1_000_000", Token.INT)]
    [InlineData("0b1011", Token.INT)]
    [InlineData("0o660", Token.INT)]
    [InlineData("0660", Token.INT)]
    [InlineData(".25", Token.FLOAT)]
    [InlineData("1e+10", Token.FLOAT)]
    [InlineData("1.5i", Token.IMAG)]
    [InlineData("0x10i", Token.IMAG)]
    [InlineData("'\\u12e4'", Token.CHAR)]
    [InlineData("'\\x41'", Token.CHAR)]
    [InlineData("\"a\\tb\\\"\"", Token.STRING)]
    [InlineData("`raw\\n`", Token.STRING)]
    public void ValidLiterals(string src, Token kind)
    {
        var (toks, errors) = Scan(src);
        Assert.Empty(errors);
        Assert.Equal(kind, toks[0].Tok);
        Assert.Equal(src, toks[0].Lit);
    }

    [Theory]
    [InlineData("0x", "hexadecimal literal has no digits")]
    [InlineData("08", "invalid digit '8' in octal literal")]
    [InlineData("0b102", "invalid digit '2' in binary literal")]
    [InlineData("1__0", "'_' must separate successive digits")]
    [InlineData("0x1.0", "hexadecimal mantissa requires a 'p' exponent")]
    [InlineData("1e", "exponent has no digits")]
    [InlineData("0b1.0", "invalid radix point in binary literal")]
    [InlineData("0o1e3", "'e' exponent requires decimal mantissa")]
    [InlineData("1p3", "'p' exponent requires hexadecimal mantissa")]
    [InlineData("'ab'", "illegal rune literal")]
    [InlineData("''", "illegal rune literal")]
    [InlineData("'\\q'", "unknown escape sequence")]
    [InlineData("\"\\xZZ\"", "illegal character U+005A 'Z' in escape sequence")]
    [InlineData("'\\U00110000'", "escape sequence is invalid Unicode code point")]
    [InlineData("'\\uD800'", "escape sequence is invalid Unicode code point")]
    [InlineData("\"abc", "string literal not terminated")]
    [InlineData("`abc", "raw string literal not terminated")]
    [InlineData("/* abc", "comment not terminated")]
    [InlineData("x @ y", "illegal character U+0040 '@'")]
    [InlineData("//line foo:0\nx", "invalid line number: 0")]
    public void ErrorsLikeGoScanner(string src, string message)
    {
        var (_, errors) = Scan(src);
        Assert.Contains(errors, e => e.EndsWith(": " + message, StringComparison.Ordinal));
    }

    [Fact]
    public void NulInvalidUtf8AndMisplacedBomAreReportedAndScanningContinues()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', 0, (byte)' ', 0xFF, (byte)' ', 0xEF, 0xBB, 0xBF, (byte)' ', (byte)'z' };
        var (toks, errors) = Scan(bytes);
        Assert.Contains("4: illegal character NUL", errors);
        Assert.Contains("6: illegal UTF-8 encoding", errors);
        Assert.Contains("8: illegal byte order mark", errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("0:", StringComparison.Ordinal)); // a leading BOM is fine
        Assert.Equal("z", toks[^3].Lit); // scanning went on to the end
    }

    [Fact]
    public void RawStringValueDropsCarriageReturnsLikeGoAst()
    {
        var f = ParseHelpers.ParseOk("package p\nvar s = `a\r\nb`\n");
        var lit = ParseHelpers.Single<Ast.BasicLit>(f);
        Assert.Equal("`a\nb`", lit.Value);
        Assert.Equal(lit.Pos + 5, lit.End); // go/ast: ValuePos + len(Value), not the written length 6
    }
}
