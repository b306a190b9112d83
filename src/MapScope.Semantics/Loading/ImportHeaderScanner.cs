using System.Text;
using MapScope.Syntax;

namespace MapScope.Semantics.Loading;

/// <summary>
/// Reads the package clause and the import declarations at the top of a Go file with a tiny tokenizer,
/// without parsing the rest (like go/build's importReader). Reports whether it ran out of input, so the
/// caller can read more of the file.
/// </summary>
internal ref struct ImportHeaderScanner(ReadOnlySpan<byte> src)
{
    private readonly ReadOnlySpan<byte> _src = src;
    private int _pos;

    /// <summary>True when the input ended before the header did (the caller should retry with the whole file).</summary>
    public bool Truncated { get; private set; }

    public string PackageName { get; private set; } = "";
    public string? ImportComment { get; private set; }
    public string? Error { get; private set; }
    public List<string> Imports { get; } = [];

    public void Scan()
    {
        if (!Word("package")) { Fail("expected 'package'"); return; }
        var name = Ident();
        if (name.Length == 0) { Fail("expected package name"); return; }
        PackageName = name;
        ImportComment = ReadImportComment();
        Semicolon();
        while (PeekWord("import"))
        {
            Word("import");
            SkipSpace();
            if (Peek() == '(')
            {
                _pos++;
                while (true)
                {
                    SkipSpace();
                    if (AtEnd) { Fail("unterminated import block"); return; }
                    if (Peek() == ')') { _pos++; break; }
                    if (!ImportSpec()) return;
                    Semicolon();
                }
            }
            else if (!ImportSpec()) return;
            Semicolon();
        }
        // The next declaration may have been cut off by the end of the buffer ("imp…").
        SkipSpace();
        if (_src.Length - _pos < 16) Truncated = true;
    }

    private bool AtEnd => _pos >= _src.Length;
    private byte Peek() => AtEnd ? (byte)0 : _src[_pos];

    private void Fail(string message)
    {
        if (AtEnd) Truncated = true;
        Error ??= message;
    }

    private bool ImportSpec()
    {
        SkipSpace();
        if (Peek() == '.') _pos++;
        else if (IsIdentStart(Peek())) Ident();
        SkipSpace();
        var path = StringLit();
        if (path is null) { Fail("expected import path"); return false; }
        Imports.Add(path);
        return true;
    }

    private void Semicolon()
    {
        SkipSpace();
        if (Peek() == ';') _pos++;
    }

    private string? StringLit()
    {
        byte q = Peek();
        if (q != '"' && q != '`') return null;
        int start = _pos++;
        while (!AtEnd && _src[_pos] != q)
        {
            if (q == '"' && (_src[_pos] == '\n')) return null;
            if (q == '"' && _src[_pos] == '\\') _pos++;
            _pos++;
        }
        if (AtEnd) return null;
        _pos++;
        return StringLiteral.Unquote(_src[start.._pos]);
    }

    private bool PeekWord(string word)
    {
        int save = _pos;
        bool ok = Word(word);
        _pos = save;
        return ok;
    }

    private bool Word(string word) => Ident() == word;

    private string Ident()
    {
        SkipSpace();
        int start = _pos;
        while (!AtEnd && IsIdentPart(_src[_pos])) _pos++;
        return Encoding.UTF8.GetString(_src[start.._pos]);
    }

    /// <summary>A <c>// import "path"</c> or single-line <c>/* import "path" */</c> comment on the package line.</summary>
    private string? ReadImportComment()
    {
        int p = _pos;
        while (p < _src.Length && _src[p] is (byte)' ' or (byte)'\t' or (byte)'\r') p++;
        var rest = _src[p..];
        ReadOnlySpan<byte> text;
        if (rest.StartsWith("//"u8))
        {
            int nl = rest.IndexOf((byte)'\n');
            text = nl < 0 ? rest[2..] : rest[2..nl];
        }
        else if (rest.StartsWith("/*"u8))
        {
            int close = rest.IndexOf("*/"u8);
            if (close < 0) return null;
            text = rest[2..close];
            if (text.Contains((byte)'\n')) return null;
        }
        else return null;
        var s = Encoding.UTF8.GetString(text).Trim();
        if (!s.StartsWith("import", StringComparison.Ordinal) || s.Length == 6 || !char.IsWhiteSpace(s[6])) return null;
        var quoted = s[6..].Trim();
        return StringLiteral.Unquote(Encoding.UTF8.GetBytes(quoted));
    }

    private void SkipSpace()
    {
        while (!AtEnd)
        {
            byte c = _src[_pos];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') { _pos++; continue; }
            if (c == '/' && _pos + 1 < _src.Length && _src[_pos + 1] == '/')
            {
                int nl = _src[_pos..].IndexOf((byte)'\n');
                _pos = nl < 0 ? _src.Length : _pos + nl + 1;
                continue;
            }
            if (c == '/' && _pos + 1 < _src.Length && _src[_pos + 1] == '*')
            {
                int close = _src[(_pos + 2)..].IndexOf("*/"u8);
                _pos = close < 0 ? _src.Length : _pos + 2 + close + 2;
                continue;
            }
            break;
        }
    }

    // Bytes >= 0x80 are parts of non-ASCII letters; a header with other Unicode punctuation is not worth a full decoder.
    private static bool IsIdentStart(byte c) => c == '_' || (c | 0x20) is >= (byte)'a' and <= (byte)'z' || c >= 0x80;
    private static bool IsIdentPart(byte c) => IsIdentStart(c) || c is >= (byte)'0' and <= (byte)'9';
}
