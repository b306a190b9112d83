using System.Runtime.CompilerServices;
using MapScope.Evidence.Lines;

namespace MapScope.Evidence.Escape;

/// <summary>The parts of compiler diagnostic lines, on bytes, so that lines nobody needs are never decoded.</summary>
internal static class EscapeLineParser
{
    /// <summary>Splits "path:line:col: message" where path may itself contain ':' (and ": ").</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TrySplit(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> file, out int lineNumber, out int column, out ReadOnlySpan<byte> message)
    {
        file = message = default;
        lineNumber = column = 0;
        int from = 0;
        while (true)
        {
            int sep = line[from..].IndexOf(": "u8);
            if (sep < 0) return false;
            sep += from;
            if (TryPosition(line[..sep], out file, out lineNumber, out column))
            {
                message = line[(sep + 2)..];
                return true;
            }
            from = sep + 1;
        }
    }

    /// <summary>"PATH:LINE:COL" (the whole span).</summary>
    public static bool TryPosition(ReadOnlySpan<byte> text, out ReadOnlySpan<byte> file, out int line, out int column)
    {
        file = default;
        line = column = 0;
        int c2 = text.LastIndexOf((byte)':');
        if (c2 <= 0 || !Digits(text[(c2 + 1)..], out column)) return false;
        int c1 = text[..c2].LastIndexOf((byte)':');
        if (c1 <= 0 || !Digits(text[(c1 + 1)..c2], out line)) return false;
        file = text[..c1];
        return true;
    }

    /// <summary>"from EXPR (REASON)" with an optional " at POS"; leading spaces already removed.</summary>
    public static bool TryParseFrom(ReadOnlySpan<byte> t, out ReadOnlySpan<byte> expression, out ReadOnlySpan<byte> reason, out ReadOnlySpan<byte> at)
    {
        expression = reason = at = default;
        if (!t.StartsWith("from "u8)) return false;
        t = t[5..];
        int atIndex = t.LastIndexOf(" at "u8);
        if (atIndex > 0 && t[atIndex - 1] == (byte)')')
        {
            at = t[(atIndex + 4)..];
            t = t[..atIndex];
        }
        if (t.IsEmpty || t[^1] != (byte)')') return false;
        int open = t.LastIndexOf(" ("u8);
        if (open < 0) return false;
        expression = t[..open];
        reason = t[(open + 2)..^1];
        return true;
    }

    /// <summary>"flow: DST = SRC:"; returns DST.</summary>
    public static bool TryParseFlow(ReadOnlySpan<byte> t, out ReadOnlySpan<byte> destination)
    {
        destination = default;
        if (!t.StartsWith("flow: "u8)) return false;
        t = t[6..];
        int eq = t.IndexOf(" = "u8);
        destination = eq < 0 ? t.TrimEnd((byte)':') : t[..eq];
        return true;
    }

    /// <summary>A map made on the line: "make(map[", "new(map[", or a map literal "map[K]V{…}".</summary>
    public static bool IsMapAllocation(ReadOnlySpan<byte> subject) =>
        subject.StartsWith("make(map["u8) || subject.StartsWith("new(map["u8) || (subject.StartsWith("map["u8) && subject.EndsWith("}"u8));

    /// <summary>Flow reasons that make a non-map explanation matter: a key or value going into a map, or an indexed store into the heap.</summary>
    public static bool IsLeakStep(ReadOnlySpan<byte> reason, bool intoHeap, ReadOnlySpan<byte> expression) =>
        reason.SequenceEqual("key of map put"u8) || reason.SequenceEqual("map literal key"u8) || reason.SequenceEqual("map literal value"u8)
        || (intoHeap && reason.SequenceEqual("assign"u8) && expression.IndexOf(" = "u8) is var eq && eq > 0 && expression[eq - 1] == (byte)']');

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        var c = new Utf8Cursor(s);
        value = 0;
        return !s.IsEmpty && c.ReadInt32(out value) && c.AtEnd;
    }
}
