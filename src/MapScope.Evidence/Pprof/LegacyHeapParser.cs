using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MapScope.Evidence.Lines;

namespace MapScope.Evidence.Pprof;

/// <summary>
/// Reads the legacy text heap profile (`/debug/pprof/heap?debug=1`, runtime/pprof's writeHeapInternal):
/// <code>
/// heap profile: 174: 2511376 [177: 3213840] @ heap/1048576
/// 1: 909312 [1: 909312] @ 0x40d7ce 0x4b3f94 0x4b3f60
/// #	0x4b3f93	main.addIndex+0xf3	/src/leak/main.go:21
/// </code>
/// Sample types, rate scaling and the `bytes` label follow pprof's legacy parser. Unlike pprof, which needs
/// the binary to symbolize, the `#` lines become the locations' lines; as in proto heap profiles, leading
/// frames the writer hid (runtime internals) are dropped so the leaf is the user's line.
/// </summary>
internal static partial class LegacyHeapParser
{
    [GeneratedRegex(@"^heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *(heap[_a-z0-9]*)/?(\d*)")]
    private static partial Regex Header();

    /// <summary>True when the first non-blank line, cleaned of collector prefixes and colour codes, is a heap profile header.</summary>
    public static bool LooksLikeLegacyHeap(ReadOnlySpan<byte> data)
    {
        var cleaner = new LineCleaner();
        while (!data.IsEmpty)
        {
            int newline = data.IndexOf((byte)'\n');
            var raw = newline < 0 ? data : data[..newline];
            data = newline < 0 ? default : data[(newline + 1)..];
            var line = cleaner.Clean(raw, out _).TrimStart((byte)'\t');
            if (line.IsEmpty) continue;
            return line.StartsWith("heap profile:"u8);
        }
        return false;
    }

    public static Profile Parse(ReadOnlySpan<byte> data)
    {
        // One cleaning pass (collector prefixes, colour, CRLF, indentation), then the lines are read on bytes.
        var cleaned = LineCleaner.CleanAll(data);
        if (!System.Text.Unicode.Utf8.IsValid(cleaned))
            throw new ProfileFormatException("not a legacy heap profile: the text is not valid UTF-8");
        ReadOnlySpan<byte> text = cleaned;
        int lineNo = 0;
        ReadOnlySpan<byte> line = default;
        while (NextLine(ref text, out line))
        {
            lineNo++;
            if (!line.Trim(" \t"u8).IsEmpty) break;
            line = default;
        }
        var first = Encoding.UTF8.GetString(line.Trim(" \t"u8));
        var header = first.Length == 0 ? null : Header().Match(first);
        if (header is null || !header.Success)
            throw new ProfileFormatException("not a legacy heap profile: the first line is not 'heap profile: ...'");

        var (sampling, period) = ParseRate(header.Groups[5].Value, header.Groups[6].Value, lineNo);
        // pprof offers alloc_* types only when the header's alloc totals differ from in-use ones.
        bool hasAlloc = (header.Groups[3].Value != header.Groups[1].Value && header.Groups[3].Value != "0")
                     || (header.Groups[4].Value != header.Groups[2].Value && header.Groups[4].Value != "0");
        ValueType[] types = hasAlloc
            ? [new("alloc_objects", "count"), new("alloc_space", "bytes"), new("inuse_objects", "count"), new("inuse_space", "bytes")]
            : [new("objects", "count"), new("space", "bytes")];

        var builder = new Builder();
        var interner = new Utf8Interner();
        var samples = new List<Sample>();
        PendingSample? pending = null;

        while (NextLine(ref text, out line))
        {
            lineNo++;
            var t = line.Trim(" \t"u8);
            if (t.IsEmpty) continue;
            if (t.StartsWith("# runtime.MemStats"u8) || t.StartsWith("MAPPED_LIBRARIES:"u8) || t.StartsWith("--- Memory map:"u8))
                break;
            if (t[0] == (byte)'#')
            {
                if (pending is not null) AddFrame(pending, t, lineNo, interner);
                continue;
            }
            if (pending is not null) samples.Add(builder.Finish(pending));
            pending = ParseSample(t, lineNo, period, sampling, hasAlloc);
        }
        if (pending is not null) samples.Add(builder.Finish(pending));

        return new Profile
        {
            SampleTypes = types,
            Samples = samples.ToArray(),
            Locations = builder.Locations.ToArray(),
            Functions = builder.Functions.ToArray(),
            PeriodType = new ValueType("space", "bytes"),
            Period = period,
            Encoding = ProfileEncoding.LegacyHeapText,
        };
    }

    private static bool NextLine(scoped ref ReadOnlySpan<byte> text, out ReadOnlySpan<byte> line)
    {
        if (text.IsEmpty)
        {
            line = default;
            return false;
        }
        int newline = text.IndexOf((byte)'\n');
        line = newline < 0 ? text : text[..newline];
        text = newline < 0 ? default : text[(newline + 1)..];
        return true;
    }

    private static (bool Scale, long Period) ParseRate(string kind, string rate, int lineNo)
    {
        long period = 0;
        if (rate.Length > 0 && !long.TryParse(rate, NumberStyles.None, CultureInfo.InvariantCulture, out period))
            throw new ProfileFormatException($"line {lineNo}: bad sampling rate '{rate}'");
        return kind switch
        {
            "heap_v2" or "heapz_v2" => (true, period),
            // runtime/pprof writes 2*MemProfileRate here for compatibility with the C++ heap profiler.
            "heap" => (true, period / 2),
            "heapprofile" => (false, 1),
            _ => throw new ProfileFormatException($"line {lineNo}: unsupported heap profile kind '{kind}'"),
        };
    }

    /// <summary>"inuse_objects: inuse_bytes [alloc_objects: alloc_bytes] @ 0xPC 0xPC …", read on bytes.</summary>
    private static PendingSample ParseSample(ReadOnlySpan<byte> line, int lineNo, long rate, bool scale, bool hasAlloc)
    {
        var c = new Utf8Cursor(line);
        if (!SignedInt(ref c, out long inuseCount) || !Colon(ref c) || !SignedInt(ref c, out long inuseSize)) throw NotASample(line, lineNo);
        c.SkipSpaces();
        if (!c.Skip((byte)'[')) throw NotASample(line, lineNo);
        c.SkipSpaces();
        if (!c.ReadInt64(out long allocCount) || !Colon(ref c) || !c.ReadInt64(out long allocSize)) throw NotASample(line, lineNo);
        c.SkipSpaces();
        if (!c.Skip((byte)']')) throw NotASample(line, lineNo);
        c.SkipSpaces();
        if (!c.Skip((byte)'@')) throw NotASample(line, lineNo);

        long blockSize = 0;
        var values = new long[hasAlloc ? 4 : 2];
        int v = 0;
        if (hasAlloc) AddValues(allocCount, allocSize, "allocation");
        AddValues(inuseCount, inuseSize, "inuse");

        var addresses = new List<ulong>(8);
        var rest = c.Rest;
        while (true)
        {
            rest = rest.TrimStart((byte)' ');
            if (rest.IsEmpty) break;
            int space = rest.IndexOf((byte)' ');
            var token = space < 0 ? rest : rest[..space];
            rest = space < 0 ? default : rest[space..];
            var hex = token.Length > 2 && token[0] == (byte)'0' && (token[1] | 0x20) == (byte)'x' ? token[2..] : token;
            if (!ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var addr))
                throw new ProfileFormatException($"line {lineNo}: bad address '{Shorten(Encoding.UTF8.GetString(token))}'");
            // Return addresses point after the call; step back onto it as pprof does.
            addresses.Add(addr - 1);
        }
        return new PendingSample(values, blockSize, addresses);

        void AddValues(long count, long size, string what)
        {
            if (count == 0 && size != 0)
                throw new ProfileFormatException($"line {lineNo}: {what} count is 0 but {what} bytes is {size}");
            if (count != 0)
            {
                blockSize = size / count;
                if (scale) (count, size) = ScaleHeapSample(count, size, rate);
            }
            values[v++] = count;
            values[v++] = size;
        }
    }

    private static bool SignedInt(ref Utf8Cursor c, out long value)
    {
        bool negative = c.Skip((byte)'-');
        if (!c.ReadInt64(out value)) return false;
        if (negative) value = -value;
        return true;
    }

    private static bool Colon(ref Utf8Cursor c)
    {
        if (!c.Skip((byte)':')) return false;
        c.SkipSpaces();
        return true;
    }

    private static ProfileFormatException NotASample(ReadOnlySpan<byte> line, int lineNo) =>
        new($"line {lineNo}: not a heap profile sample: '{Shorten(Encoding.UTF8.GetString(line))}'");

    /// <summary>Undoes sampling at average rate R: a block of size S is recorded with probability 1-e^(-S/R).</summary>
    internal static (long Count, long Size) ScaleHeapSample(long count, long size, long rate)
    {
        if (count == 0 || size == 0) return (0, 0);
        if (rate <= 1) return (count, size);
        double avg = (double)size / count;
        double scale = 1 / (1 - Math.Exp(-avg / rate));
        return ((long)(count * scale), (long)(size * scale));
    }

    /// <summary>`#\tPC\tfunc+0xOFF\tfile:line` (tabwriter may pad with several tabs; a paste may have spaces instead).</summary>
    private static void AddFrame(PendingSample sample, ReadOnlySpan<byte> line, int lineNo, Utf8Interner interner)
    {
        // runtime/pprof separates the fields with tabs; a paste that turned them into spaces is split on spaces.
        byte separator = line.IndexOf((byte)'\t') >= 0 ? (byte)'\t' : (byte)' ';
        Span<Range> fields = stackalloc Range[4];
        var rest = line;
        int n = 0;
        ReadOnlySpan<byte> fileLine = default;
        while (n < 4)
        {
            rest = rest.TrimStart(separator).TrimStart(" \t"u8);
            if (rest.IsEmpty) break;
            if (n == 3)
            {
                // The file may itself hold the separator (a path with spaces): the rest of the line is file:line.
                fileLine = rest.TrimEnd(" \t"u8);
                n++;
                break;
            }
            int end = rest.IndexOf(separator);
            int start = line.Length - rest.Length;
            fields[n++] = new Range(start, end < 0 ? line.Length : start + end);
            rest = end < 0 ? default : rest[end..];
        }
        if (n < 2 || !line[fields[0]].SequenceEqual("#"u8)) return;
        var pcText = line[fields[1]].Trim(" \t"u8);
        if (!pcText.StartsWith("0x"u8)) return;
        if (!ulong.TryParse(pcText[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var pc))
            throw new ProfileFormatException($"line {lineNo}: bad address '{Shorten(Encoding.UTF8.GetString(pcText))}'");
        if (n < 4) { sample.Frames.Add((pc, null, "", 0)); return; }

        var name = line[fields[2]].Trim(" \t"u8);
        int plus = name.LastIndexOf("+0x"u8);
        if (plus > 0) name = name[..plus];
        int colon = fileLine.LastIndexOf((byte)':');
        long lineNumber = 0;
        if (colon <= 0 || !long.TryParse(fileLine[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out lineNumber))
            throw new ProfileFormatException($"line {lineNo}: expected file:line, got '{Shorten(Encoding.UTF8.GetString(fileLine))}'");
        sample.Frames.Add((pc, interner.Intern(name), interner.Intern(fileLine[..colon]), lineNumber));
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";

    private sealed record PendingSample(long[] Values, long BlockSize, List<ulong> Addresses)
    {
        public List<(ulong Pc, string? Function, string File, long Line)> Frames { get; } = [];
    }

    /// <summary>Interns functions by (name, file) and locations by address across samples.</summary>
    private sealed class Builder
    {
        public List<Function> Functions { get; } = [];
        public List<Location> Locations { get; } = [];
        private readonly Dictionary<(string, string), Function> _functions = [];
        private readonly Dictionary<ulong, Location> _locations = [];
        // Samples of one block size share their (immutable) label array.
        private readonly Dictionary<long, Label[]> _labels = [];

        public Sample Finish(PendingSample p)
        {
            // The '#' lines symbolize some of the sample's addresses; leading addresses without one are the
            // frames the writer hid (runtime internals) and are dropped so the leaf is the user's line.
            var frames = p.Frames;
            int first = 0;
            if (frames.Count > 0)
                while (first < p.Addresses.Count && !HasFrame(frames, p.Addresses[first])) first++;
            if (first == p.Addresses.Count) first = 0;

            var stack = new Location[p.Addresses.Count - first];
            for (int i = first; i < p.Addresses.Count; i++)
            {
                var addr = p.Addresses[i];
                if (!_locations.TryGetValue(addr, out var loc))
                {
                    // Frames sharing one PC are inlined calls, innermost first: one location with several lines.
                    var lines = new List<Line>(1);
                    foreach (var (pc, name, file, line) in frames)
                        if (pc == addr && name is not null) lines.Add(new Line(FunctionFor(name, file), line, 0));
                    loc = new Location((ulong)Locations.Count + 1, null, addr, [.. lines], false);
                    _locations[addr] = loc;
                    Locations.Add(loc);
                }
                stack[i - first] = loc;
            }
            if (!_labels.TryGetValue(p.BlockSize, out var labels)) _labels[p.BlockSize] = labels = [Label.Number("bytes", p.BlockSize)];
            return new Sample(stack, p.Values, labels);
        }

        private static bool HasFrame(List<(ulong Pc, string? Function, string File, long Line)> frames, ulong pc)
        {
            foreach (var f in frames)
                if (f.Pc == pc) return true;
            return false;
        }

        private Function FunctionFor(string name, string file)
        {
            if (!_functions.TryGetValue((name, file), out var f))
            {
                f = new Function((ulong)Functions.Count + 1, name, name, file, 0);
                _functions[(name, file)] = f;
                Functions.Add(f);
            }
            return f;
        }
    }
}
