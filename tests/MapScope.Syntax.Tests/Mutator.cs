namespace MapScope.Syntax.Tests;

/// <summary>Makes broken variants of a real file: truncations, deleted and duplicated tokens, byte flips.</summary>
internal static class Mutator
{
    public static IEnumerable<(string Kind, byte[] Source)> Mutations(byte[] src, Random rng, int count)
    {
        var tokens = TokenSpans(src);
        for (int i = 0; i < count; i++)
        {
            switch (i % 5)
            {
                case 0:
                    yield return ("truncate", src[..rng.Next(src.Length)]);
                    break;
                case 1 when tokens.Count > 0:
                {
                    var (start, len) = tokens[rng.Next(tokens.Count)];
                    yield return ("delete-token", [.. src.AsSpan(0, start), .. src.AsSpan(start + len)]);
                    break;
                }
                case 2 when tokens.Count > 0:
                {
                    var (start, len) = tokens[rng.Next(tokens.Count)];
                    yield return ("duplicate-token", [.. src.AsSpan(0, start + len), (byte)' ', .. src.AsSpan(start, len), .. src.AsSpan(start + len)]);
                    break;
                }
                case 3:
                {
                    var copy = (byte[])src.Clone();
                    copy[rng.Next(copy.Length)] = (byte)rng.Next(256);
                    yield return ("flip-byte", copy);
                    break;
                }
                default:
                {
                    var copy = (byte[])src.Clone();
                    for (int k = 0; k < 8; k++) copy[rng.Next(copy.Length)] ^= (byte)(1 << rng.Next(8));
                    yield return ("flip-bits", copy);
                    break;
                }
            }
        }
    }

    /// <summary>(offset, length) of every non-comment token.</summary>
    public static List<(int, int)> TokenSpans(byte[] src)
    {
        var list = new List<(int, int)>();
        var s = new Scanner(src, (_, _) => { });
        while (true)
        {
            s.Scan();
            if (s.Tok == Token.EOF) break;
            if (s.Tok != Token.COMMENT && s.LitLength > 0) list.Add((s.Pos, s.LitLength));
            else if (s.Tok != Token.COMMENT && s.Tok != Token.SEMICOLON) list.Add((s.Pos, s.Tok.Spelling().Length));
        }
        return list;
    }
}
