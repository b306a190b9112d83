using System.Runtime.CompilerServices;

namespace MapScope.Evidence.Lines;

/// <summary>
/// Recognizers of the prefixes that log collectors put in front of each line of a program's output. Each
/// returns the prefix length (0 when it does not match) and, for prefixes that name the writing process
/// (docker compose service, kubectl pod/container, syslog program[pid]), that name as the source key. The
/// patterns are strict (digits where digits go, no spaces inside names) because Go's own lines never start
/// with them: "goroutine 1 [running]:", "main.f(…)", "gc 1 @…", "./x.go:1:2: …".
/// </summary>
public static class LinePrefixes
{
    /// <summary>The longest match of any one recognizer at the start of <paramref name="line"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Match(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> source)
    {
        source = default;
        if (line.IsEmpty) return 0;
        byte b = line[0];
        if (IsDigit(b)) return Timestamp(line, out source);
        if (b == (byte)'>') return Quote(line);
        if (b == (byte)'[') return Bracketed(line, out source);
        if (IsLetter(b))
        {
            int n = Syslog(line, out source);
            return n > 0 ? n : Compose(line, out source);
        }
        return 0;
    }

    /// <summary>GitHub/e-mail quoting: "> ", or a quoted empty line ">".</summary>
    public static int Quote(ReadOnlySpan<byte> line)
    {
        if (line.Length == 0 || line[0] != (byte)'>') return 0;
        return line.Length > 1 && line[1] == (byte)' ' ? 2 : line.Length == 1 ? 1 : 0;
    }

    /// <summary>
    /// docker compose: "name  | " (v1 "name_1  | ", v2 "name-1  | "; the name padded to the longest
    /// service name), or "name  |" on an empty line; docker service logs: "svc.1.taskid@node    | ".
    /// </summary>
    public static int Compose(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> source)
    {
        source = default;
        int i = 0;
        while (i < line.Length && (IsNameByte(line[i]) || (line[i] == (byte)'@' && i > 0))) i++;
        if (i == 0 || i >= line.Length || line[i] != (byte)' ') return 0;
        int name = i;
        while (i < line.Length && line[i] == (byte)' ') i++;
        if (i >= line.Length || line[i] != (byte)'|') return 0;
        i++;
        if (i < line.Length)
        {
            if (line[i] != (byte)' ') return 0;
            i++;
        }
        source = line[..name];
        return i;
    }

    /// <summary>
    /// "[pod/name/container] " of kubectl logs --prefix (a source), or a bracketed timestamp
    /// "[2024-01-02T03:04:05.123Z] " (Jenkins timestamper).
    /// </summary>
    public static int Bracketed(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> source)
    {
        source = default;
        int close = line.IndexOf((byte)']');
        // "] " then the line, or "]" ending an empty line (trailing whitespace is already cut).
        if (close < 3 || (close + 1 < line.Length && line[close + 1] != (byte)' ')) return 0;
        var inside = line[1..close];
        if (inside.IndexOf((byte)' ') >= 0) return 0;
        if (IsDigit(inside[0]) && TimestampLength(inside) == inside.Length) return Math.Min(close + 2, line.Length);
        if (inside.IndexOf((byte)'/') < 0) return 0;
        foreach (var c in inside)
            if (!IsNameByte(c) && c != (byte)'/') return 0;
        source = inside;
        return Math.Min(close + 2, line.Length);
    }

    /// <summary>
    /// A timestamp then a space: RFC 3339 ("2024-01-02T03:04:05Z", fractions, offsets; GitHub Actions
    /// writes 7 fraction digits), the same with a space for the T, Go's log package ("2006/01/02 15:04:05",
    /// optional ".000000"), and what may follow a timestamp naming a process: "host prog[pid]: "
    /// (journalctl -o short-iso) or "app[web.1]: ".
    /// </summary>
    public static int Timestamp(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> source)
    {
        source = default;
        int n = TimestampLength(line);
        if (n == 0) return 0;
        if (n == line.Length) return n; // the timestamp of an empty line
        if (line[n] != (byte)' ') return 0;
        n++;
        int process = ProcessTag(line[n..], out source, requirePid: true);
        return n + process;
    }

    /// <summary>"Jan  2 15:04:05 host prog[pid]: " (syslog, journalctl's default short format).</summary>
    public static int Syslog(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> source)
    {
        source = default;
        // "Mmm" then one or two spaces, a day of one or two digits, a space, "HH:MM:SS", a space.
        if (line.Length < 16 || !IsMonth(line[..3]) || line[3] != (byte)' ') return 0;
        int i = 4;
        if (line[i] == (byte)' ') i++;
        int dayStart = i;
        while (i < line.Length && IsDigit(line[i])) i++;
        if (i - dayStart is < 1 or > 2 || i >= line.Length || line[i] != (byte)' ') return 0;
        i++;
        if (!IsClock(line[i..], out int clock)) return 0;
        i += clock;
        if (i >= line.Length || line[i] != (byte)' ') return 0;
        i++;
        int process = ProcessTag(line[i..], out source, requirePid: false);
        return process == 0 ? 0 : i + process;
    }

    /// <summary>"host prog[pid]: " (or "host prog: " when a pid is not required), or "app[web.1]: ".</summary>
    private static int ProcessTag(ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> source, bool requirePid)
    {
        source = default;
        int space = rest.IndexOf((byte)' ');
        int colon = rest.IndexOf(": "u8);
        // "prog[pid]:" alone is the tag of an empty line.
        if (colon < 0 && rest.Length > 1 && rest[^1] == (byte)':') colon = rest.Length - 1;
        if (colon <= 0) return 0;
        // Either "host prog…: " (one space before the colon) or "prog…: " (none).
        int tagStart = space >= 0 && space < colon ? space + 1 : 0;
        var tag = rest[tagStart..colon];
        if (tag.Length == 0 || tag.IndexOf((byte)' ') >= 0) return 0;
        foreach (var c in rest[..Math.Max(0, tagStart - 1)])
            if (!IsNameByte(c)) return 0;
        bool hasPid = tag[^1] == (byte)']' && tag.IndexOf((byte)'[') > 0;
        if (!hasPid && (requirePid || tagStart == 0)) return 0;
        foreach (var c in tag)
            if (!IsNameByte(c) && c is not ((byte)'[' or (byte)']' or (byte)'/')) return 0;
        source = tag;
        return Math.Min(colon + 2, rest.Length);
    }

    /// <summary>The length of a timestamp at the start of <paramref name="s"/>, 0 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int TimestampLength(ReadOnlySpan<byte> s)
    {
        // "2024-01-02" or "2024/01/02"
        if (s.Length < 19 || !IsDigits(s[..4]) || !IsDigits(s.Slice(5, 2)) || !IsDigits(s.Slice(8, 2))) return 0;
        byte sep = s[4];
        if (sep is not ((byte)'-' or (byte)'/') || s[7] != sep) return 0;
        if (s[10] is not ((byte)'T' or (byte)' ')) return 0;
        if (!IsClock(s[11..], out int clock)) return 0;
        int i = 11 + clock;
        if (i < s.Length && s[i] is (byte)'.' or (byte)',')
        {
            int start = ++i;
            while (i < s.Length && IsDigit(s[i])) i++;
            if (i == start) return 0;
        }
        if (i < s.Length && s[i] == (byte)'Z') return i + 1;
        if (i + 5 <= s.Length && s[i] is (byte)'+' or (byte)'-' && IsDigits(s.Slice(i + 1, 2)))
        {
            // "+01:00" or "+0100"
            if (i + 6 <= s.Length && s[i + 3] == (byte)':' && IsDigits(s.Slice(i + 4, 2))) return i + 6;
            if (IsDigits(s.Slice(i + 3, 2))) return i + 5;
        }
        return i;
    }

    /// <summary>"HH:MM:SS".</summary>
    private static bool IsClock(ReadOnlySpan<byte> s, out int length)
    {
        length = 8;
        return s.Length >= 8 && IsDigits(s[..2]) && s[2] == (byte)':' && IsDigits(s.Slice(3, 2)) && s[5] == (byte)':' && IsDigits(s.Slice(6, 2));
    }

    private static bool IsMonth(ReadOnlySpan<byte> s) =>
        s.SequenceEqual("Jan"u8) || s.SequenceEqual("Feb"u8) || s.SequenceEqual("Mar"u8) || s.SequenceEqual("Apr"u8)
        || s.SequenceEqual("May"u8) || s.SequenceEqual("Jun"u8) || s.SequenceEqual("Jul"u8) || s.SequenceEqual("Aug"u8)
        || s.SequenceEqual("Sep"u8) || s.SequenceEqual("Oct"u8) || s.SequenceEqual("Nov"u8) || s.SequenceEqual("Dec"u8);

    private static bool IsDigits(ReadOnlySpan<byte> s)
    {
        foreach (var c in s)
            if (!IsDigit(c)) return false;
        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsNameByte(byte b) => IsLetter(b) || IsDigit(b) || b is (byte)'_' or (byte)'-' or (byte)'.';
}
