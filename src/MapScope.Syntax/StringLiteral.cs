using System.Text;

namespace MapScope.Syntax;

/// <summary>Decodes Go string literals, like strconv.Unquote for the "..." and `...` forms.</summary>
public static class StringLiteral
{
    /// <summary>The literal's value, or null when it is not a valid string literal. Invalid UTF-8 becomes U+FFFD.</summary>
    public static string? Unquote(ReadOnlySpan<byte> lit)
    {
        if (lit.Length < 2) return null;
        byte q = lit[0];
        if (lit[^1] != q) return null;
        var body = lit[1..^1];
        if (q == '`')
        {
            if (body.Contains((byte)'`')) return null;
            return Encoding.UTF8.GetString(body).Replace("\r", "");
        }
        if (q != '"') return null;
        if (!body.Contains((byte)'\\'))
            return body.Contains((byte)'"') || body.Contains((byte)'\n') ? null : Encoding.UTF8.GetString(body);

        var bytes = new List<byte>(body.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < body.Length;)
        {
            byte c = body[i];
            if (c == '"' || c == '\n') return null;
            if (c != '\\')
            {
                bytes.Add(c);
                i++;
                continue;
            }
            if (++i >= body.Length) return null;
            byte e = body[i++];
            switch (e)
            {
                case (byte)'a': bytes.Add(7); break;
                case (byte)'b': bytes.Add(8); break;
                case (byte)'f': bytes.Add(12); break;
                case (byte)'n': bytes.Add(10); break;
                case (byte)'r': bytes.Add(13); break;
                case (byte)'t': bytes.Add(9); break;
                case (byte)'v': bytes.Add(11); break;
                case (byte)'\\': bytes.Add((byte)'\\'); break;
                case (byte)'"': bytes.Add((byte)'"'); break;
                case >= (byte)'0' and <= (byte)'7':
                {
                    if (i + 2 > body.Length) return null;
                    int v = e - '0';
                    for (int k = 0; k < 2; k++)
                    {
                        int d = body[i++] - '0';
                        if (d < 0 || d > 7) return null;
                        v = v * 8 + d;
                    }
                    if (v > 255) return null;
                    bytes.Add((byte)v);
                    break;
                }
                case (byte)'x' or (byte)'u' or (byte)'U':
                {
                    int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n > body.Length) return null;
                    uint v = 0;
                    for (int k = 0; k < n; k++)
                    {
                        int d = HexVal(body[i++]);
                        if (d < 0) return null;
                        v = v * 16 + (uint)d;
                    }
                    if (e == 'x')
                    {
                        bytes.Add((byte)v);
                        break;
                    }
                    if (!Rune.IsValid(v)) return null;
                    int w = new Rune(v).EncodeToUtf8(utf8);
                    for (int k = 0; k < w; k++) bytes.Add(utf8[k]);
                    break;
                }
                default:
                    return null;
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static int HexVal(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
