using System.Runtime.CompilerServices;

namespace MapScope.Evidence.Lines;

/// <summary>
/// The one cleaning stage every text reader runs each line through, so that evidence reads the same
/// however it was pasted: ANSI colour codes are removed, trailing whitespace (CRLF's '\r' included) is
/// cut, the prefixes log collectors add (docker compose, kubectl --prefix, journald/syslog, timestamps,
/// CI step timestamps, "> " quoting; several in a row) are stripped, and any indentation becomes one tab,
/// which is what Go writes before a traceback's file lines (pastes turn it into spaces). The process that
/// a prefix names comes out as the line's source, so interleaved output of several processes can be
/// read apart. Works on the bytes of the line; copies only when colour codes or space indentation force it.
/// </summary>
public sealed class LineCleaner
{
    private const byte Escape = 0x1B;
    private const int MaxPrefixes = 4;
    private byte[] _scratch = new byte[256];
    private byte[] _source = new byte[64];

    /// <summary>Lines that had a collector prefix stripped.</summary>
    public long PrefixedLines { get; private set; }

    /// <summary>
    /// The cleaned line, valid until the next call. <paramref name="source"/> is the process named by the
    /// line's prefix (empty when none), valid as long as <paramref name="raw"/> is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Clean(ReadOnlySpan<byte> raw, out ReadOnlySpan<byte> source)
    {
        source = default;
        var line = raw;
        bool copied = false;
        if (line.IndexOf(Escape) >= 0)
        {
            line = StripAnsi(line);
            copied = true;
        }
        line = TrimEnd(line);
        if (line.IsEmpty) return line;

        bool prefixed = false;
        for (int i = 0; i < MaxPrefixes; i++)
        {
            int n = LinePrefixes.Match(line, out var named);
            if (n == 0) break;
            if (!named.IsEmpty) source = copied ? KeepSource(named) : named;
            line = line[n..];
            prefixed = true;
        }
        if (prefixed) PrefixedLines++;
        if (line.IsEmpty || (line[0] != (byte)' ' && line[0] != (byte)'\t')) return line;

        int content = 0;
        while (content < line.Length && line[content] is (byte)' ' or (byte)'\t') content++;
        if (content == line.Length) return default;
        if (line[content - 1] == (byte)'\t') return line[(content - 1)..];
        return Tabbed(line[content..]);
    }

    /// <summary>Cleans every line of an in-memory text (the legacy heap profile is read whole); lines end in '\n'.</summary>
    public static byte[] CleanAll(ReadOnlySpan<byte> data)
    {
        var cleaner = new LineCleaner();
        var output = new MemoryStream(data.Length);
        while (!data.IsEmpty)
        {
            int newline = data.IndexOf((byte)'\n');
            var raw = newline < 0 ? data : data[..newline];
            data = newline < 0 ? default : data[(newline + 1)..];
            output.Write(cleaner.Clean(raw, out _));
            output.WriteByte((byte)'\n');
        }
        return output.ToArray();
    }

    /// <summary>Removes CSI ("ESC [ … final"), OSC ("ESC ] … BEL" or "ESC ] … ESC \") and two-byte escapes.</summary>
    private ReadOnlySpan<byte> StripAnsi(ReadOnlySpan<byte> line)
    {
        var buffer = Scratch(line.Length);
        int n = 0;
        for (int i = 0; i < line.Length; i++)
        {
            byte b = line[i];
            if (b != Escape)
            {
                buffer[n++] = b;
                continue;
            }
            if (i + 1 >= line.Length) break;
            byte kind = line[i + 1];
            i += 1;
            if (kind == (byte)'[')
            {
                // Parameters and intermediates are 0x20–0x3F; the final byte is 0x40–0x7E.
                while (i + 1 < line.Length && line[i + 1] is >= 0x20 and <= 0x3F) i++;
                if (i + 1 < line.Length && line[i + 1] is >= 0x40 and <= 0x7E) i++;
            }
            else if (kind == (byte)']')
            {
                while (i + 1 < line.Length && line[i + 1] != 0x07 && !(line[i + 1] == Escape && i + 2 < line.Length && line[i + 2] == (byte)'\\')) i++;
                i += i + 1 < line.Length && line[i + 1] == 0x07 ? 1 : 2;
            }
        }
        return buffer.AsSpan(0, n);
    }

    /// <summary>A source name found in the scratch copy (a coloured prefix), kept apart so that later steps cannot overwrite it.</summary>
    private ReadOnlySpan<byte> KeepSource(ReadOnlySpan<byte> named)
    {
        if (_source.Length < named.Length) _source = new byte[named.Length];
        named.CopyTo(_source);
        return _source.AsSpan(0, named.Length);
    }

    private ReadOnlySpan<byte> Tabbed(ReadOnlySpan<byte> content)
    {
        // content may already live in the scratch buffer (after StripAnsi): move it, do not overwrite it.
        var buffer = Scratch(content.Length + 1);
        content.CopyTo(buffer.AsSpan(1));
        buffer[0] = (byte)'\t';
        return buffer.AsSpan(0, content.Length + 1);
    }

    private byte[] Scratch(int length)
    {
        if (_scratch.Length < length)
        {
            // Growing keeps the old bytes: a span of the old buffer may be the input of the call that grows it.
            var grown = new byte[Math.Max(length, _scratch.Length * 2)];
            _scratch.CopyTo(grown, 0);
            _scratch = grown;
        }
        return _scratch;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> line)
    {
        int end = line.Length;
        while (end > 0 && line[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\v' or (byte)'\f') end--;
        return line[..end];
    }
}
