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

    [GeneratedRegex(@"^(-?\d+): *(-?\d+) *\[ *(\d+): *(\d+) *\] *@([ x0-9a-fA-F]*)$")]
    private static partial Regex SampleLine();

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
        var text = DecodeUtf8(LineCleaner.CleanAll(data));
        var reader = new StringReader(text);
        int lineNo = 0;
        string? line;
        do { line = reader.ReadLine(); lineNo++; } while (line != null && line.Trim().Length == 0);
        var header = line is null ? null : Header().Match(line.Trim());
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
        var samples = new List<Sample>();
        PendingSample? pending = null;

        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            var t = line.Trim();
            if (t.Length == 0) continue;
            if (t.StartsWith("# runtime.MemStats", StringComparison.Ordinal) || t.StartsWith("MAPPED_LIBRARIES:", StringComparison.Ordinal)
                || t.StartsWith("--- Memory map:", StringComparison.Ordinal))
                break;
            if (t[0] == '#')
            {
                if (pending is not null) AddFrame(pending, line, lineNo);
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

    private static string DecodeUtf8(ReadOnlySpan<byte> data)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(data);
        }
        catch (DecoderFallbackException)
        {
            throw new ProfileFormatException("not a legacy heap profile: the text is not valid UTF-8");
        }
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

    private static PendingSample ParseSample(string line, int lineNo, long rate, bool scale, bool hasAlloc)
    {
        var m = SampleLine().Match(line);
        if (!m.Success) throw new ProfileFormatException($"line {lineNo}: not a heap profile sample: '{Shorten(line)}'");
        long blockSize = 0;
        var values = new List<long>(4);
        if (hasAlloc) AddValues(m.Groups[3].Value, m.Groups[4].Value, "allocation");
        AddValues(m.Groups[1].Value, m.Groups[2].Value, "inuse");

        var addresses = new List<ulong>();
        foreach (var token in m.Groups[5].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var hex = token.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? token[2..] : token;
            if (!ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var addr))
                throw new ProfileFormatException($"line {lineNo}: bad address '{Shorten(token)}'");
            // Return addresses point after the call; step back onto it as pprof does.
            addresses.Add(addr - 1);
        }
        return new PendingSample(values.ToArray(), blockSize, addresses);

        void AddValues(string countText, string sizeText, string what)
        {
            if (!long.TryParse(countText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
                || !long.TryParse(sizeText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size))
                throw new ProfileFormatException($"line {lineNo}: number out of range in '{Shorten(line)}'");
            if (count == 0 && size != 0)
                throw new ProfileFormatException($"line {lineNo}: {what} count is 0 but {what} bytes is {size}");
            if (count != 0)
            {
                blockSize = size / count;
                if (scale) (count, size) = ScaleHeapSample(count, size, rate);
            }
            values.Add(count);
            values.Add(size);
        }
    }

    /// <summary>Undoes sampling at average rate R: a block of size S is recorded with probability 1-e^(-S/R).</summary>
    internal static (long Count, long Size) ScaleHeapSample(long count, long size, long rate)
    {
        if (count == 0 || size == 0) return (0, 0);
        if (rate <= 1) return (count, size);
        double avg = (double)size / count;
        double scale = 1 / (1 - Math.Exp(-avg / rate));
        return ((long)(count * scale), (long)(size * scale));
    }

    /// <summary>`#\tPC\tfunc+0xOFF\tfile:line` (tabwriter may pad with several tabs).</summary>
    private static void AddFrame(PendingSample sample, string line, int lineNo)
    {
        // runtime/pprof separates the fields with tabs; a paste that turned them into spaces is split on spaces.
        var fields = line.Split(line.Contains('\t') ? '\t' : ' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length < 2 || fields[0] != "#" || !fields[1].StartsWith("0x", StringComparison.Ordinal)) return;
        if (!ulong.TryParse(fields[1].AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var pc))
            throw new ProfileFormatException($"line {lineNo}: bad address '{Shorten(fields[1])}'");
        if (fields.Length < 4) { sample.Frames.Add((pc, null, "", 0)); return; }

        var name = fields[2];
        int plus = name.LastIndexOf("+0x", StringComparison.Ordinal);
        if (plus > 0) name = name[..plus];
        var fileLine = string.Join(' ', fields[3..]);
        int colon = fileLine.LastIndexOf(':');
        long lineNumber = 0;
        if (colon <= 0 || !long.TryParse(fileLine.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out lineNumber))
            throw new ProfileFormatException($"line {lineNo}: expected file:line, got '{Shorten(fileLine)}'");
        sample.Frames.Add((pc, name, fileLine[..colon], lineNumber));
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

        public Sample Finish(PendingSample p)
        {
            // Frames sharing one PC are inlined calls, innermost first: one location with several lines.
            var linesByPc = new Dictionary<ulong, List<Line>>();
            foreach (var (pc, name, file, line) in p.Frames)
            {
                if (!linesByPc.TryGetValue(pc, out var lines)) linesByPc[pc] = lines = [];
                if (name is not null) lines.Add(new Line(FunctionFor(name, file), line, 0));
            }
            int first = 0;
            if (linesByPc.Count > 0)
                while (first < p.Addresses.Count && !linesByPc.ContainsKey(p.Addresses[first])) first++;
            if (first == p.Addresses.Count) first = 0;

            var stack = new Location[p.Addresses.Count - first];
            for (int i = first; i < p.Addresses.Count; i++)
            {
                var addr = p.Addresses[i];
                if (!_locations.TryGetValue(addr, out var loc))
                {
                    var lines = linesByPc.TryGetValue(addr, out var l) ? l.ToArray() : [];
                    loc = new Location((ulong)Locations.Count + 1, null, addr, lines, false);
                    _locations[addr] = loc;
                    Locations.Add(loc);
                }
                stack[i - first] = loc;
            }
            Label[] labels = [Label.Number("bytes", p.BlockSize)];
            return new Sample(stack, p.Values, labels);
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
