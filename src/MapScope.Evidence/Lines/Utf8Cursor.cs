using System.Text;

namespace MapScope.Evidence.Lines;

/// <summary>
/// A forward-only reader over one line of ASCII-ish bytes: literals, integers and decimals as the Go
/// runtime prints them. Every method returns false instead of throwing, leaving the position unspecified.
/// </summary>
public ref struct Utf8Cursor(ReadOnlySpan<byte> text)
{
    private readonly ReadOnlySpan<byte> _text = text;

    public int Position { get; set; }

    public readonly bool AtEnd => Position >= _text.Length;

    public readonly ReadOnlySpan<byte> Rest => _text[Math.Min(Position, _text.Length)..];

    public bool Skip(ReadOnlySpan<byte> literal)
    {
        if (!Rest.StartsWith(literal)) return false;
        Position += literal.Length;
        return true;
    }

    public bool Skip(byte b)
    {
        if (AtEnd || _text[Position] != b) return false;
        Position++;
        return true;
    }

    public void SkipSpaces()
    {
        while (!AtEnd && _text[Position] == (byte)' ') Position++;
    }

    /// <summary>A non-negative decimal integer of at most 18 digits.</summary>
    public bool ReadInt64(out long value)
    {
        value = 0;
        int start = Position;
        while (!AtEnd)
        {
            uint d = (uint)(_text[Position] - '0');
            if (d > 9) break;
            if (Position - start == 18) return false;
            value = value * 10 + d;
            Position++;
        }
        return Position > start;
    }

    public bool ReadInt32(out int value)
    {
        value = 0;
        if (!ReadInt64(out long v) || v > int.MaxValue) return false;
        value = (int)v;
        return true;
    }

    /// <summary>A non-negative decimal like "0.047", "12" or "3.": digits with an optional fraction.</summary>
    public bool ReadDecimal(out double value)
    {
        value = 0;
        if (!ReadInt64(out long whole)) return false;
        value = whole;
        if (AtEnd || _text[Position] != (byte)'.') return true;
        Position++;
        long fraction = 0;
        double scale = 1;
        int digits = 0;
        while (!AtEnd)
        {
            uint d = (uint)(_text[Position] - '0');
            if (d > 9) break;
            if (digits < 15)
            {
                fraction = fraction * 10 + d;
                scale *= 10;
                digits++;
            }
            Position++;
        }
        value = whole + fraction / scale;
        return true;
    }

    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
