using MapScope.Evidence.Lines;

namespace MapScope.Evidence.GcTrace;

/// <summary>
/// Parses one line of GODEBUG=gctrace=1 output, every form since Go 1.5: Go 1.5's five clock phases
/// ("0+1.0+8.0+2.0+1.0 ms clock"), Go 1.6+'s three, 1.5 development builds' "gc #N", lines ending
/// "N MB goal, N P" (1.5–1.17) or with "N MB stacks, N MB globals" (1.18+), with or without " (forced)".
/// A GC line glued to the end of the program's own unterminated output is found too.
/// </summary>
public static class GcLineParser
{
    public static GcLineKind Classify(ReadOnlySpan<byte> line, out GcCycle cycle)
    {
        cycle = default;
        if (line.IsEmpty) return GcLineKind.Blank;
        if (line[0] == (byte)'\t') line = line[1..]; // indentation, as the line cleaner leaves it
        if (line.StartsWith("gc "u8)) return TryParseCycle(line, out cycle) ? GcLineKind.Cycle : GcLineKind.Malformed;
        if (line.StartsWith("scvg"u8) || line.StartsWith("scav "u8)) return GcLineKind.Scavenger;
        if (line.StartsWith("pacer: "u8) || line.SequenceEqual("GC forced"u8)) return GcLineKind.Pacer;
        if (line.Length > 3 && line.StartsWith("gc"u8) && IsDigit(line[2]) && line.IndexOf("): "u8) > 0) return GcLineKind.Legacy;
        // Interleaved stderr: "some progress...gc 12 @3.1s ...". Look for a cycle that starts mid-line.
        int at = line.LastIndexOf("gc "u8);
        if (at > 0 && at + 3 < line.Length && IsDigit(line[at + 3]) && TryParseCycle(line[at..], out cycle)) return GcLineKind.Cycle;
        return GcLineKind.Unknown;
    }

    /// <summary>Parses "gc N @T.TTTs P%: a+b+c ms clock, ... , h0->h1->h2 MB, G MB goal[, S MB stacks, L MB globals], N P[ (forced)]".</summary>
    public static bool TryParseCycle(ReadOnlySpan<byte> line, out GcCycle cycle)
    {
        cycle = default;
        var c = new Utf8Cursor(line);
        if (!c.Skip("gc "u8)) return false;
        c.Skip((byte)'#'); // Go 1.5 development builds: "gc #1 @0.296s 0%: …"
        if (!c.ReadInt64(out long number)) return false;
        if (!c.Skip(" @"u8) || !c.ReadDecimal(out double at) || !c.Skip("s "u8)) return false;
        if (!c.ReadInt32(out int cpu) || !c.Skip("%: "u8)) return false;
        if (!TryReadClock(ref c, out double sweepTerm, out double mark, out double markTerm) || !c.Skip(" ms clock, "u8)) return false;
        // CPU times ("a+b/c/d+e ms cpu") are not used: skip to the heap sizes.
        int cpuEnd = c.Rest.IndexOf(" ms cpu, "u8);
        if (cpuEnd < 0) return false;
        c.Position += cpuEnd + " ms cpu, "u8.Length;
        if (!c.ReadInt64(out long heapStart) || !c.Skip("->"u8)) return false;
        if (!c.ReadInt64(out long heapEnd) || !c.Skip("->"u8)) return false;
        if (!c.ReadInt64(out long live) || !c.Skip(" MB, "u8)) return false;
        // Some Go 1.5 development builds printed no goal (0 then).
        if (!c.ReadInt64(out long next)) return false;
        long goal = 0, stacks = -1, globals = -1;
        if (c.Skip(" MB goal, "u8))
        {
            goal = next;
            if (!c.ReadInt64(out next)) return false;
        }
        if (c.Skip(" MB stacks, "u8))
        {
            stacks = next;
            if (!c.ReadInt64(out globals) || !c.Skip(" MB globals, "u8) || !c.ReadInt64(out next)) return false;
        }
        if (!c.Skip(" P"u8) || next > int.MaxValue) return false;
        bool forced = c.Skip(" (forced)"u8);
        if (!c.AtEnd) return false;
        cycle = new GcCycle(number, at, cpu, sweepTerm, mark, markTerm, heapStart, heapEnd, live, goal, stacks, globals, (int)next, forced);
        return true;
    }

    /// <summary>
    /// The wall-clock phases: three since Go 1.6 (sweep termination + concurrent mark + mark termination);
    /// five in Go 1.5 (sweep termination + scan + synchronize Ps + mark + mark termination), whose middle
    /// three are summed into the concurrent part; four in some 1.5 development builds.
    /// </summary>
    private static bool TryReadClock(ref Utf8Cursor c, out double first, out double middle, out double last)
    {
        first = middle = last = 0;
        if (!c.ReadDecimal(out first)) return false;
        int phases = 1;
        double previous = first;
        while (c.Skip((byte)'+'))
        {
            if (!c.ReadDecimal(out double next)) return false;
            if (phases > 1) middle += previous;
            previous = next;
            phases++;
        }
        last = previous;
        return phases is >= 3 and <= 5;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
