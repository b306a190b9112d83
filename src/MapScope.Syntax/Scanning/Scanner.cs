using System.Buffers;
using System.Globalization;
using System.Text;

namespace MapScope.Syntax;

/// <summary>
/// Go's lexer over UTF-8 bytes, with go/scanner's semantics: automatic semicolons, comments kept,
/// the same error conditions (reported, never thrown). Literal text is a (start, length) window
/// into the source so scanning allocates nothing per token.
/// </summary>
internal sealed class Scanner
{
    private const int Bom = 0xFEFF;
    private const int Eof = -1;

    private readonly byte[] _src;
    private readonly Action<int, string> _error;

    private int _ch;          // current character (rune), Eof at the end
    private int _offset;      // byte offset of _ch
    private int _rdOffset;    // byte offset after _ch
    private int _lineOffset;  // offset of the current line's first byte
    private bool _insertSemi;
    private int _line = 1;    // 1-based line of _ch

    // The token just scanned.
    public Token Tok;
    public int Pos;
    public int LitStart;
    public int LitLength;
    /// <summary>For SEMICOLON: true when inserted at a newline or EOF (go/scanner's lit "\n").</summary>
    public bool SemiIsNewline;
    /// <summary>For STRING: the literal length with carriage returns removed (raw strings drop them).</summary>
    public int LitLengthNoCR;
    /// <summary>1-based line of Pos.</summary>
    public int TokLine;

    public Scanner(byte[] src, Action<int, string> error)
    {
        _src = src;
        _error = error;
        _ch = ' ';
        _offset = 0;
        _rdOffset = 0;
        Next();
        if (_ch == Bom) Next(); // a leading BOM is ignored
    }

    public ReadOnlySpan<byte> Lit => _src.AsSpan(LitStart, LitLength);

    private void Error(int offs, string msg) => _error(offs, msg);

    /// <summary>Reads the next character into _ch, reporting NUL, invalid UTF-8 and misplaced BOMs.</summary>
    private void Next()
    {
        if (_rdOffset < _src.Length)
        {
            _offset = _rdOffset;
            if (_ch == '\n')
            {
                _lineOffset = _offset;
                _line++;
            }
            int r = _src[_rdOffset];
            int w = 1;
            if (r == 0)
            {
                Error(_offset, "illegal character NUL");
            }
            else if (r >= 0x80)
            {
                var status = Rune.DecodeFromUtf8(_src.AsSpan(_rdOffset), out var rune, out w);
                if (status != OperationStatus.Done)
                {
                    r = 0xFFFD;
                    w = Math.Max(w, 1);
                    Error(_offset, "illegal UTF-8 encoding");
                }
                else
                {
                    r = rune.Value;
                    if (r == Bom && _offset > 0) Error(_offset, "illegal byte order mark");
                }
            }
            _rdOffset += w;
            _ch = r;
        }
        else
        {
            _offset = _src.Length;
            if (_ch == '\n')
            {
                _lineOffset = _offset;
                _line++;
            }
            _ch = Eof;
        }
    }

    private byte Peek() => _rdOffset < _src.Length ? _src[_rdOffset] : (byte)0;

    private static bool IsAsciiLetter(int ch) => (uint)((ch | 0x20) - 'a') <= 'z' - 'a' || ch == '_';

    private static bool IsLetter(int ch) =>
        IsAsciiLetter(ch) || ch >= 0x80 && Rune.IsValid(ch) && Rune.IsLetter(new Rune(ch));

    private static bool IsDecimal(int ch) => (uint)(ch - '0') <= 9;

    private static bool IsHex(int ch) => IsDecimal(ch) || (uint)((ch | 0x20) - 'a') <= 'f' - 'a';

    private static bool IsDigit(int ch) =>
        IsDecimal(ch) || ch >= 0x80 && Rune.IsValid(ch) && Rune.GetUnicodeCategory(new Rune(ch)) == UnicodeCategory.DecimalDigitNumber;

    private static int Lower(int ch) => ('a' - 'A') | ch;

    private static int DigitVal(int ch)
    {
        if (IsDecimal(ch)) return ch - '0';
        int l = Lower(ch);
        if (l >= 'a' && l <= 'f') return l - 'a' + 10;
        return 16;
    }

    /// <summary>Scans the next token into Tok/Pos/Lit*.</summary>
    public void Scan()
    {
    scanAgain:
        // skip white space; a newline ends the line's token run when a semicolon is due
        while (_ch == ' ' || _ch == '\t' || _ch == '\n' && !_insertSemi || _ch == '\r') Next();

        Pos = _offset;
        TokLine = _line;
        LitStart = _offset;
        LitLength = 0;
        SemiIsNewline = false;
        bool insertSemi = false;
        int ch = _ch;

        if (IsAsciiLetter(ch) || ch >= 0x80 && IsLetter(ch))
        {
            ScanIdentifier();
            LitLength = _offset - LitStart;
            if (LitLength > 1)
            {
                Tok = Tokens.Lookup(_src.AsSpan(LitStart, LitLength));
                insertSemi = Tok is Token.IDENT or Token.BREAK or Token.CONTINUE or Token.FALLTHROUGH or Token.RETURN;
            }
            else
            {
                Tok = Token.IDENT;
                insertSemi = true;
            }
        }
        else if (IsDecimal(ch) || ch == '.' && IsDecimal(Peek()))
        {
            insertSemi = true;
            Tok = ScanNumber();
            LitLength = _offset - LitStart;
        }
        else
        {
            Next(); // always make progress
            switch (ch)
            {
                case Eof:
                    if (_insertSemi)
                    {
                        _insertSemi = false;
                        Tok = Token.SEMICOLON;
                        SemiIsNewline = true;
                        return;
                    }
                    Tok = Token.EOF;
                    break;
                case '\n':
                    _insertSemi = false;
                    Tok = Token.SEMICOLON;
                    SemiIsNewline = true;
                    return;
                case '"':
                    insertSemi = true;
                    Tok = Token.STRING;
                    ScanString();
                    LitLength = LitLengthNoCR = _offset - LitStart;
                    break;
                case '\'':
                    insertSemi = true;
                    Tok = Token.CHAR;
                    ScanRune();
                    LitLength = _offset - LitStart;
                    break;
                case '`':
                    insertSemi = true;
                    Tok = Token.STRING;
                    int cr = ScanRawString();
                    LitLength = _offset - LitStart;
                    LitLengthNoCR = LitLength - cr;
                    break;
                case ':': Tok = Switch2(Token.COLON, Token.DEFINE); break;
                case '.':
                    Tok = Token.PERIOD;
                    if (_ch == '.' && Peek() == '.')
                    {
                        Next();
                        Next();
                        Tok = Token.ELLIPSIS;
                    }
                    break;
                case ',': Tok = Token.COMMA; break;
                case ';': Tok = Token.SEMICOLON; LitLength = 1; break;
                case '(': Tok = Token.LPAREN; break;
                case ')': insertSemi = true; Tok = Token.RPAREN; break;
                case '[': Tok = Token.LBRACK; break;
                case ']': insertSemi = true; Tok = Token.RBRACK; break;
                case '{': Tok = Token.LBRACE; break;
                case '}': insertSemi = true; Tok = Token.RBRACE; break;
                case '+':
                    Tok = Switch3(Token.ADD, Token.ADD_ASSIGN, '+', Token.INC);
                    insertSemi = Tok == Token.INC;
                    break;
                case '-':
                    Tok = Switch3(Token.SUB, Token.SUB_ASSIGN, '-', Token.DEC);
                    insertSemi = Tok == Token.DEC;
                    break;
                case '*': Tok = Switch2(Token.MUL, Token.MUL_ASSIGN); break;
                case '/':
                    if (_ch == '/' || _ch == '*')
                    {
                        if (_insertSemi && FindLineEnd())
                        {
                            // the newline is inside or after the comment: emit the semicolon at the comment
                            _insertSemi = false;
                            Tok = Token.SEMICOLON;
                            SemiIsNewline = true;
                            // rescan the comment itself on the next call
                            _ch = '/';
                            _offset = Pos;
                            _rdOffset = Pos + 1;
                            return;
                        }
                        ScanComment();
                        Tok = Token.COMMENT;
                        LitLength = _offset - LitStart;
                        _insertSemi = false; // comments end a line
                        return;
                    }
                    Tok = Switch2(Token.QUO, Token.QUO_ASSIGN);
                    break;
                case '%': Tok = Switch2(Token.REM, Token.REM_ASSIGN); break;
                case '^': Tok = Switch2(Token.XOR, Token.XOR_ASSIGN); break;
                case '<':
                    if (_ch == '-')
                    {
                        Next();
                        Tok = Token.ARROW;
                    }
                    else Tok = Switch4(Token.LSS, Token.LEQ, '<', Token.SHL, Token.SHL_ASSIGN);
                    break;
                case '>': Tok = Switch4(Token.GTR, Token.GEQ, '>', Token.SHR, Token.SHR_ASSIGN); break;
                case '=': Tok = Switch2(Token.ASSIGN, Token.EQL); break;
                case '!': Tok = Switch2(Token.NOT, Token.NEQ); break;
                case '&':
                    if (_ch == '^')
                    {
                        Next();
                        Tok = Switch2(Token.AND_NOT, Token.AND_NOT_ASSIGN);
                    }
                    else Tok = Switch3(Token.AND, Token.AND_ASSIGN, '&', Token.LAND);
                    break;
                case '|': Tok = Switch3(Token.OR, Token.OR_ASSIGN, '|', Token.LOR); break;
                case '~': Tok = Token.TILDE; break;
                default:
                    if (ch != Bom) Error(Pos, $"illegal character {FormatRune(ch)}");
                    insertSemi = _insertSemi; // preserve insertSemi info
                    Tok = Token.ILLEGAL;
                    LitLength = _offset - LitStart;
                    break;
            }
        }
        _insertSemi = insertSemi;
        if (Tok == Token.COMMENT) goto scanAgain; // unreachable: comments return above
    }

    /// <summary>Formats a rune like Go's %#U: U+0041 'A'.</summary>
    internal static string FormatRune(int ch)
    {
        var hex = ch.ToString("X4", CultureInfo.InvariantCulture);
        if (Rune.IsValid(ch))
        {
            var r = new Rune(ch);
            var cat = Rune.GetUnicodeCategory(r);
            bool printable = cat is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator) && (cat != UnicodeCategory.SpaceSeparator || ch == ' ');
            if (printable) return $"U+{hex} '{r}'";
        }
        return $"U+{hex}";
    }

    private Token Switch2(Token tok0, Token tok1)
    {
        if (_ch == '=')
        {
            Next();
            return tok1;
        }
        return tok0;
    }

    private Token Switch3(Token tok0, Token tok1, int ch2, Token tok2)
    {
        if (_ch == '=')
        {
            Next();
            return tok1;
        }
        if (_ch == ch2)
        {
            Next();
            return tok2;
        }
        return tok0;
    }

    private Token Switch4(Token tok0, Token tok1, int ch2, Token tok2, Token tok3)
    {
        if (_ch == '=')
        {
            Next();
            return tok1;
        }
        if (_ch == ch2)
        {
            Next();
            if (_ch == '=')
            {
                Next();
                return tok3;
            }
            return tok2;
        }
        return tok0;
    }

    private void ScanIdentifier()
    {
        // fast path over ASCII letters and digits
        var src = _src;
        int i = _rdOffset;
        while (i < src.Length)
        {
            byte b = src[i];
            if (IsAsciiLetter(b) || IsDecimal(b)) { i++; continue; }
            if (b < 0x80)
            {
                // next char is ASCII and not part of the identifier
                _offset = i;
                _rdOffset = i + 1;
                _ch = b;
                if (b == 0) Error(_offset, "illegal character NUL");
                return;
            }
            break;
        }
        // slow path from the byte before i: resume char-by-char decoding
        if (i > _rdOffset)
        {
            _rdOffset = i - 1;
            _ch = src[i - 1];
            _offset = i - 1;
            Next();
        }
        else Next();
        while (IsLetter(_ch) || IsDigit(_ch)) Next();
    }

    private int Digits(int @base, ref int invalid)
    {
        int digsep = 0;
        if (@base <= 10)
        {
            int max = '0' + @base;
            while (IsDecimal(_ch) || _ch == '_')
            {
                int ds = 1;
                if (_ch == '_') ds = 2;
                else if (_ch >= max && invalid < 0) invalid = _offset;
                digsep |= ds;
                Next();
            }
        }
        else
        {
            while (IsHex(_ch) || _ch == '_')
            {
                digsep |= _ch == '_' ? 2 : 1;
                Next();
            }
        }
        return digsep;
    }

    private Token ScanNumber()
    {
        int offs = _offset;
        var tok = Token.ILLEGAL;
        int @base = 10;
        char prefix = '\0';
        int digsep = 0;
        int invalid = -1;

        if (_ch != '.')
        {
            tok = Token.INT;
            if (_ch == '0')
            {
                Next();
                switch (Lower(_ch))
                {
                    case 'x': Next(); @base = 16; prefix = 'x'; break;
                    case 'o': Next(); @base = 8; prefix = 'o'; break;
                    case 'b': Next(); @base = 2; prefix = 'b'; break;
                    default: @base = 8; prefix = '0'; digsep = 1; break;
                }
            }
            digsep |= Digits(@base, ref invalid);
        }

        if (_ch == '.')
        {
            tok = Token.FLOAT;
            if (prefix is 'o' or 'b') Error(_offset, "invalid radix point in " + LitName(prefix));
            Next();
            digsep |= Digits(@base, ref invalid);
        }

        if ((digsep & 1) == 0) Error(_offset, LitName(prefix) + " has no digits");

        int e = Lower(_ch);
        if (e == 'e' || e == 'p')
        {
            if (e == 'e' && prefix != '\0' && prefix != '0')
                Error(_offset, $"'{(char)_ch}' exponent requires decimal mantissa");
            else if (e == 'p' && prefix != 'x')
                Error(_offset, $"'{(char)_ch}' exponent requires hexadecimal mantissa");
            Next();
            tok = Token.FLOAT;
            if (_ch == '+' || _ch == '-') Next();
            int none = -1;
            int ds = Digits(10, ref none);
            digsep |= ds;
            if ((ds & 1) == 0) Error(_offset, "exponent has no digits");
        }
        else if (prefix == 'x' && tok == Token.FLOAT)
        {
            Error(_offset, "hexadecimal mantissa requires a 'p' exponent");
        }

        if (_ch == 'i')
        {
            tok = Token.IMAG;
            Next();
        }

        var lit = _src.AsSpan(offs, _offset - offs);
        if (tok == Token.INT && invalid >= 0)
            Error(invalid, $"invalid digit '{(char)_src[invalid]}' in {LitName(prefix)}");
        if ((digsep & 2) != 0)
        {
            int i = InvalidSep(lit);
            if (i >= 0) Error(offs + i, "'_' must separate successive digits");
        }
        return tok;
    }

    private static string LitName(char prefix) => prefix switch
    {
        'x' => "hexadecimal literal",
        'o' or '0' => "octal literal",
        'b' => "binary literal",
        _ => "decimal literal",
    };

    /// <summary>Index of the first '_' that does not separate digits, or -1.</summary>
    private static int InvalidSep(ReadOnlySpan<byte> x)
    {
        int x1 = ' ';
        int d = '.';
        int i = 0;
        if (x.Length >= 2 && x[0] == '0')
        {
            x1 = Lower(x[1]);
            if (x1 == 'x' || x1 == 'o' || x1 == 'b')
            {
                d = '0';
                i = 2;
            }
        }
        for (; i < x.Length; i++)
        {
            int p = d;
            d = x[i];
            if (d == '_')
            {
                if (p != '0') return i;
            }
            else if (IsDecimal(d) || x1 == 'x' && IsHex(d))
            {
                d = '0';
            }
            else
            {
                if (p == '_') return i - 1;
                d = '.';
            }
        }
        return d == '_' ? x.Length - 1 : -1;
    }

    private bool ScanEscape(int quote)
    {
        int offs = _offset;
        int n, @base;
        uint max;
        switch (_ch)
        {
            case 'a' or 'b' or 'f' or 'n' or 'r' or 't' or 'v' or '\\':
                Next();
                return true;
            case var q when q == quote:
                Next();
                return true;
            case >= '0' and <= '7':
                n = 3; @base = 8; max = 255;
                break;
            case 'x':
                Next(); n = 2; @base = 16; max = 255;
                break;
            case 'u':
                Next(); n = 4; @base = 16; max = 0x10FFFF;
                break;
            case 'U':
                Next(); n = 8; @base = 16; max = 0x10FFFF;
                break;
            default:
                Error(offs, _ch < 0 ? "escape sequence not terminated" : "unknown escape sequence");
                return false;
        }
        uint x = 0;
        for (; n > 0; n--)
        {
            int d = DigitVal(_ch);
            if (d >= @base)
            {
                Error(_offset, _ch < 0 ? "escape sequence not terminated" : $"illegal character {FormatRune(_ch)} in escape sequence");
                return false;
            }
            x = x * (uint)@base + (uint)d;
            Next();
        }
        if (x > max || x >= 0xD800 && x < 0xE000)
        {
            Error(offs, "escape sequence is invalid Unicode code point");
            return false;
        }
        return true;
    }

    private void ScanRune()
    {
        int offs = _offset - 1;
        bool valid = true;
        int n = 0;
        while (true)
        {
            int ch = _ch;
            if (ch == '\n' || ch < 0)
            {
                if (valid)
                {
                    Error(offs, "rune literal not terminated");
                    valid = false;
                }
                break;
            }
            Next();
            if (ch == '\'') break;
            n++;
            if (ch == '\\' && !ScanEscape('\'')) valid = false;
        }
        if (valid && n != 1) Error(offs, "illegal rune literal");
    }

    private void ScanString()
    {
        int offs = _offset - 1;
        var src = _src;
        while (true)
        {
            // fast path: plain ASCII bytes
            int i = _rdOffset;
            if (_ch >= 0x20 && _ch < 0x80 && _ch != '"' && _ch != '\\')
            {
                while (i < src.Length)
                {
                    byte b = src[i];
                    if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') break;
                    i++;
                }
                if (i > _rdOffset)
                {
                    _offset = i - 1;
                    _rdOffset = i - 1;
                    _ch = ' ';
                    Next();
                }
            }
            int ch = _ch;
            if (ch == '\n' || ch < 0)
            {
                Error(offs, "string literal not terminated");
                break;
            }
            Next();
            if (ch == '"') break;
            if (ch == '\\') ScanEscape('"');
        }
    }

    /// <summary>Scans a raw string; returns the number of carriage returns it holds (stripped from its value).</summary>
    private int ScanRawString()
    {
        int offs = _offset - 1;
        int cr = 0;
        while (true)
        {
            int ch = _ch;
            if (ch < 0)
            {
                Error(offs, "raw string literal not terminated");
                break;
            }
            Next();
            if (ch == '`') break;
            if (ch == '\r') cr++;
        }
        return cr;
    }

    /// <summary>Scans a comment whose '/' was consumed; checks //line directives like go/scanner.</summary>
    private void ScanComment()
    {
        int offs = _offset - 1;
        int next = -1;
        bool lineStart = offs == _lineOffset;
        if (_ch == '/')
        {
            // -style comment: the fast path finds the newline directly
            int nl = _src.AsSpan(_rdOffset).IndexOfAny((byte)'\n', (byte)0);
            bool plain = nl < 0 ? !HasNonAscii(_src.AsSpan(_rdOffset)) : _src[_rdOffset + nl] == '\n' && !HasNonAscii(_src.AsSpan(_rdOffset, nl));
            if (plain)
            {
                int end = nl < 0 ? _src.Length : _rdOffset + nl;
                _offset = end;
                _rdOffset = end;
                if (end < _src.Length)
                {
                    _ch = '\n';
                    _rdOffset = end + 1;
                }
                else _ch = Eof;
            }
            else
            {
                Next();
                while (_ch != '\n' && _ch >= 0) Next();
            }
            next = _offset;
            if (_ch == '\n') next++;
        }
        else
        {
            Next();
            bool closed = false;
            while (_ch >= 0)
            {
                int ch = _ch;
                Next();
                if (ch == '*' && _ch == '/')
                {
                    Next();
                    next = _offset;
                    closed = true;
                    break;
                }
            }
            if (!closed) Error(offs, "comment not terminated");
        }

        var lit = _src.AsSpan(offs, _offset - offs);
        if (lit.Length >= 2 && lit[1] == '/' && lit[^1] == '\r') lit = lit[..^1];
        if (next >= 0 && (lit[1] == '*' || lineStart) && lit.Length >= 7 && lit[2..].StartsWith("line "u8))
            CheckLineDirective(offs, lit);
    }

    private static bool HasNonAscii(ReadOnlySpan<byte> s) => s.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>go/scanner rejects //line directives whose line or column number is malformed.</summary>
    private void CheckLineDirective(int offs, ReadOnlySpan<byte> text)
    {
        if (text[1] == '*') text = text[..^2];
        text = text[7..];
        offs += 7;
        var (i, n, ok) = TrailingDigits(text);
        if (i == 0) return;
        if (!ok)
        {
            Error(offs + i, "invalid line number: " + Encoding.UTF8.GetString(text[i..]));
            return;
        }
        const ulong maxLineCol = (1UL << 30) - 1;
        var (i2, n2, ok2) = TrailingDigits(text[..(i - 1)]);
        ulong line;
        if (ok2)
        {
            (i, i2) = (i2, i);
            line = n2;
            ulong col = n;
            if (col == 0 || col > maxLineCol)
            {
                Error(offs + i2, "invalid column number: " + Encoding.UTF8.GetString(text[i2..]));
                return;
            }
            text = text[..(i2 - 1)];
        }
        else line = n;
        if (line == 0 || line > maxLineCol)
            Error(offs + i, "invalid line number: " + Encoding.UTF8.GetString(text[i..]));
    }

    private static (int, ulong, bool) TrailingDigits(ReadOnlySpan<byte> text)
    {
        int i = text.LastIndexOf((byte)':');
        if (i < 0) return (0, 0, false);
        var digits = text[(i + 1)..];
        if (digits.Length == 0) return (i + 1, 0, false);
        ulong n = 0;
        foreach (var b in digits)
        {
            if (!IsDecimal(b)) return (i + 1, 0, false);
            ulong d = (ulong)(b - '0');
            if (n > (ulong.MaxValue - d) / 10) return (i + 1, 0, false);
            n = n * 10 + d;
        }
        return (i + 1, n, true);
    }

    /// <summary>With a semicolon due, tells whether the comment(s) starting here reach the end of the line.</summary>
    private bool FindLineEnd()
    {
        int saveCh = _ch, saveOff = _offset, saveRd = _rdOffset, saveLineOffset = _lineOffset, saveLine = _line;
        try
        {
            while (_ch == '/' || _ch == '*')
            {
                if (_ch == '/') return true; // a //-comment always ends the line
                Next();
                while (_ch >= 0)
                {
                    int ch = _ch;
                    if (ch == '\n') return true;
                    Next();
                    if (ch == '*' && _ch == '/')
                    {
                        Next();
                        break;
                    }
                }
                while (_ch == ' ' || _ch == '\t' || _ch == '\r') Next(); // insertSemi is set: newlines stop here
                if (_ch < 0 || _ch == '\n') return true;
                if (_ch != '/') return false;
                Next();
            }
            return false;
        }
        finally
        {
            _ch = saveCh;
            _offset = saveOff;
            _rdOffset = saveRd;
            _lineOffset = saveLineOffset;
            _line = saveLine;
        }
    }
}
