using System.Runtime.CompilerServices;
using MapScope.Evidence.Lines;

namespace MapScope.Evidence.Crash;

/// <summary>The parsed header of a goroutine: "goroutine N [gp=… m=… mp=…] [state(, extras)]:".</summary>
public readonly ref struct GoroutineHeader(long id, ReadOnlySpan<byte> state, int waitMinutes, bool locked, bool scanning)
{
    public long Id { get; } = id;
    public ReadOnlySpan<byte> State { get; } = state;
    public int WaitMinutes { get; } = waitMinutes;
    public bool LockedToThread { get; } = locked;
    public bool Scanning { get; } = scanning;
}

/// <summary>Parsers for the lines of a Go traceback, on bytes, without allocating.</summary>
public static class StackLines
{
    /// <summary>"goroutine 6 [running]:", "goroutine 1 gp=0xc000002380 m=0 mp=0x5f4b20 [semacquire, 5 minutes, locked to thread]:".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseHeader(ReadOnlySpan<byte> line, out GoroutineHeader header)
    {
        header = default;
        var c = new Utf8Cursor(line);
        if (!c.Skip("goroutine "u8) || !c.ReadInt64(out long id)) return false;
        var rest = c.Rest;
        int open = rest.IndexOf((byte)'[');
        if (open < 0 || !rest.EndsWith("]:"u8) || open > rest.Length - 2) return false;
        var inside = rest[(open + 1)..^2];
        int comma = inside.IndexOf(", "u8);
        var state = comma < 0 ? inside : inside[..comma];
        bool scanning = false;
        if (state.EndsWith(" (scan)"u8))
        {
            scanning = true;
            state = state[..^" (scan)".Length];
        }
        int minutes = 0;
        bool locked = false;
        while (comma >= 0)
        {
            inside = inside[(comma + 2)..];
            comma = inside.IndexOf(", "u8);
            var extra = comma < 0 ? inside : inside[..comma];
            if (extra.SequenceEqual("locked to thread"u8)) locked = true;
            else if (extra.EndsWith(" minutes"u8))
            {
                var m = new Utf8Cursor(extra);
                if (m.ReadInt32(out int n)) minutes = n;
            }
        }
        header = new GoroutineHeader(id, state, minutes, locked, scanning);
        return true;
    }

    /// <summary>"main.(*T).f(0x1, {0x2, 0x3})" or "main.f(...)": the function name before the argument list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseFunctionLine(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> function)
    {
        function = default;
        if (line.Length < 3 || line[^1] != (byte)')' || line[0] == (byte)'\t' || line[0] == (byte)' ') return false;
        int open = line.LastIndexOf((byte)'(');
        if (open <= 0) return false;
        function = line[..open];
        // A function name has no spaces; a line of prose ending in ")" is not a frame.
        return function.IndexOf((byte)' ') < 0;
    }

    /// <summary>
    /// The body of a file line without its indentation: "/src/x.go:13 +0x8b" (optionally followed by
    /// " fp=… sp=… pc=…"), "x.go:13" (an inlined frame), or a path cut before its number (line 0).
    /// <paramref name="hasOffset"/> says the " +0x…" suffix was there, which proves the line number whole.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseFileBody(ReadOnlySpan<byte> body, out ReadOnlySpan<byte> file, out int lineNumber, out bool hasOffset)
    {
        file = default;
        lineNumber = 0;
        hasOffset = false;
        if (body.IsEmpty) return false;
        int end = body.IndexOf(" +0x"u8);
        if (end >= 0) hasOffset = true;
        else end = body.IndexOf(" fp="u8);
        if (end >= 0) body = body[..end];
        int colon = body.LastIndexOf((byte)':');
        if (colon <= 0)
        {
            file = body; // cut before the line number: keep the file, line unknown
            return true;
        }
        var c = new Utf8Cursor(body[(colon + 1)..]);
        if (c.ReadInt32(out int n) && c.AtEnd)
        {
            file = body[..colon];
            lineNumber = n;
        }
        else file = body;
        return true;
    }

    /// <summary>True for what a file line names: a path ("/src/x.go", "mapscope.test/x/main.go", "C:/Go/src/…") with its line number.</summary>
    public static bool LooksLikePath(ReadOnlySpan<byte> file, int lineNumber)
    {
        if (file.IsEmpty || file.IndexOf((byte)' ') >= 0 || file[^1] == (byte)')') return false;
        bool source = file.EndsWith(".go"u8) || file.EndsWith(".s"u8) || file.EndsWith(".c"u8);
        return lineNumber > 0 ? source || file.IndexOf((byte)'/') >= 0 : source || file.IndexOf((byte)'/') > 0 || file[0] == (byte)'/';
    }

    /// <summary>"\t/src/x.go:13 +0x8b" (optionally followed by " fp=… sp=… pc=…"), or "\tx.go:13".</summary>
    public static bool TryParseFileLine(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> file, out int lineNumber)
    {
        file = default;
        lineNumber = 0;
        if (line.Length < 2 || line[0] != (byte)'\t') return false;
        return TryParseFileBody(line[1..], out file, out lineNumber, out _);
    }

    /// <summary>What a traceback names a function with: "pkg/path.(*T).M[...].func1", printable ASCII with a dot and no spaces.</summary>
    public static bool IsGoFunctionName(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty || name.IndexOf((byte)'.') <= 0) return false;
        foreach (var b in name)
            if (!(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                || b is (byte)'.' or (byte)'/' or (byte)'_' or (byte)'-' or (byte)'*' or (byte)'(' or (byte)')' or (byte)'[' or (byte)']' or (byte)'~' or (byte)'@'))
                return false;
        return true;
    }

    public static bool IsPrintable(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
            if (b is < 0x20 or 0x7F) return false;
        return true;
    }

    /// <summary>A line of a signal dump's register block: "rax    0x0", "rflags 0x206", "r8     0x0", arm64 "lr      0x4a1b2c".</summary>
    public static bool IsRegisterLine(ReadOnlySpan<byte> line)
    {
        int i = 0;
        while (i < line.Length && ((uint)(line[i] - 'a') <= 'z' - 'a' || (uint)(line[i] - '0') <= 9)) i++;
        if (i is 0 or > 8 || i >= line.Length || line[i] != (byte)' ') return false;
        while (i < line.Length && line[i] == (byte)' ') i++;
        if (!line[i..].StartsWith("0x"u8) || i + 2 >= line.Length) return false;
        foreach (var b in line[(i + 2)..])
            if (!Uri.IsHexDigit((char)b)) return false;
        return true;
    }

    /// <summary>"created by main.main" or "created by main.main in goroutine 1" (Go 1.21+).</summary>
    public static bool TryParseCreatedBy(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> function, out long creator)
    {
        function = default;
        creator = -1;
        if (!line.StartsWith("created by "u8)) return false;
        var rest = line["created by ".Length..];
        int inGoroutine = rest.IndexOf(" in goroutine "u8);
        if (inGoroutine >= 0)
        {
            var c = new Utf8Cursor(rest[(inGoroutine + " in goroutine ".Length)..]);
            if (c.ReadInt64(out long id)) creator = id;
            rest = rest[..inGoroutine];
        }
        function = rest;
        return rest.Length > 0;
    }

    /// <summary>"[originating from goroutine N]:".</summary>
    public static bool TryParseOriginating(ReadOnlySpan<byte> line, out long id)
    {
        id = 0;
        var c = new Utf8Cursor(line);
        return c.Skip("[originating from goroutine "u8) && c.ReadInt64(out id) && c.Skip("]:"u8) && c.AtEnd;
    }

    public static bool IsElided(ReadOnlySpan<byte> line) => line.SequenceEqual("...additional frames elided..."u8);

    /// <summary>A line that starts a crash report: "panic: ", "fatal error: ", "SIGQUIT: quit", "SIGSEGV: ...".</summary>
    public static bool IsMessage(ReadOnlySpan<byte> line) =>
        line.StartsWith("panic: "u8) || line.StartsWith("fatal error: "u8)
        || (line.StartsWith("SIG"u8) && line.IndexOf(": "u8) is > 3 and < 12);

    /// <summary>
    /// Messages in the shapes pastes leave them, rewritten to the runtime's own form: a map fatal error whose
    /// first characters were cut ("atal error: concurrent map writes"), and net/http's recovered panic
    /// ("http: panic serving 10.0.0.1:5678: VALUE", logged by the log package before the goroutine's stack).
    /// </summary>
    public static string? NormalizedMessage(ReadOnlySpan<byte> line)
    {
        int serving = line.IndexOf("http: panic serving "u8);
        if (serving >= 0)
        {
            var rest = line[(serving + "http: panic serving ".Length)..];
            int colon = rest.IndexOf(": "u8);
            if (colon > 0) return "panic: " + Utf8Cursor.Decode(rest[(colon + 2)..]);
        }
        foreach (var text in MapFatalTexts)
        {
            if (!line.EndsWith(text) || line.Length <= text.Length) continue;
            var head = line[..^text.Length];
            // A proper suffix of "fatal error: " in front of the text: the paste lost the line's first characters.
            if (head.Length < "fatal error: ".Length && "fatal error: "u8.EndsWith(head) && head.Length >= 3)
                return "fatal error: " + Utf8Cursor.Decode(text);
        }
        return null;
    }

    private static readonly byte[][] MapFatalTexts =
    [
        "concurrent map writes"u8.ToArray(), "concurrent map read and map write"u8.ToArray(),
        "concurrent map iteration and map write"u8.ToArray(), "concurrent map clone and map write"u8.ToArray(),
        "small map with no empty slot (concurrent map writes?)"u8.ToArray(),
    ];
}
