using System.Runtime.CompilerServices;
using MapScope.Evidence.Lines;

namespace MapScope.Evidence.Crash;

/// <summary>
/// Reads panics, fatal errors and goroutine dumps (debug=2) out of a log in one pass, in memory bounded
/// by the number of distinct stacks kept. Any number of dumps may follow each other, mixed with other
/// output; lines that belong to no dump are counted, never fatal.
/// </summary>
public sealed class CrashReader
{
    public const int DefaultMaxDumps = 1000;
    public const int DefaultMaxGroupsPerDump = 10_000;

    private readonly Utf8Interner _interner = new();
    private readonly GoroutineBuilder _goroutine = new();
    private readonly List<CrashDump> _dumps = [];
    private readonly int _maxDumps;
    private readonly int _maxGroups;
    private DumpBuilder? _dump;
    private bool _inGoroutine;
    private Expect _expect;
    private long _line, _unknown;
    /// <summary>A function line outside any goroutine: the head of a paste that starts mid-stack, if a file line follows.</summary>
    private string? _orphanFunction;
    private int _dropped, _dumpCount;

    private enum Expect
    {
        Anything,
        /// <summary>The previous line was a function; its "\tfile:line" comes next.</summary>
        FileOfFrame,
        /// <summary>The previous line was "created by F".</summary>
        FileOfCreator,
    }

    public CrashReader(int maxDumps = DefaultMaxDumps, int maxGroupsPerDump = DefaultMaxGroupsPerDump)
    {
        _maxDumps = maxDumps;
        _maxGroups = maxGroupsPerDump;
    }

    /// <summary>
    /// Reads a log through the shared <see cref="LineCleaner"/>; interleaved output of several processes
    /// (docker compose services, kubectl pods) is read one process at a time, so each one's dumps stay whole.
    /// </summary>
    public static CrashLog Read(Stream input, int maxDumps = DefaultMaxDumps, int maxGroupsPerDump = DefaultMaxGroupsPerDump)
    {
        var demux = new SourceDemux<CrashReader>(() => new CrashReader(maxDumps, maxGroupsPerDump));
        var lines = new CleanLineReader(input);
        while (lines.TryReadLine(out var line, out var source))
            demux.For(source).Accept(line, lines.LineNumber, lines.LastLineUnterminated);
        return Merge(demux.Readers, lines.LineNumber, lines.OverlongLines, lines.BytesRead, lines.PrefixedLines, maxDumps);
    }

    private static CrashLog Merge(IReadOnlyList<(string Source, CrashReader Reader)> readers, long total, long overlong, long bytes, long prefixed, int maxDumps)
    {
        if (readers.Count == 0) return new CrashLog([], new CrashLineCounts(total, 0, overlong, bytes) { Prefixed = prefixed }, 0);
        var dumps = new List<CrashDump>();
        long unknown = 0;
        int dropped = 0;
        bool named = readers.Count > 1 || readers[0].Source.Length > 0;
        foreach (var (source, reader) in readers)
        {
            var log = reader.Finish();
            unknown += log.Lines.Unknown;
            dropped += log.DroppedDumps;
            foreach (var d in log.Dumps) dumps.Add(named ? d with { Source = source } : d);
        }
        dumps.Sort((a, b) => a.FirstLine.CompareTo(b.FirstLine));
        if (dumps.Count > maxDumps)
        {
            dropped += dumps.Count - maxDumps;
            dumps.RemoveRange(maxDumps, dumps.Count - maxDumps);
        }
        for (int i = 0; i < dumps.Count; i++)
            if (dumps[i].Index != i) dumps[i] = dumps[i] with { Index = i };
        return new CrashLog(dumps, new CrashLineCounts(total, unknown, overlong, bytes) { Prefixed = prefixed }, dropped);
    }

    /// <summary>Accepts the next line (numbered one past the previous), as a traceback prints it.</summary>
    public void Accept(ReadOnlySpan<byte> line) => Accept(line, _line + 1, cut: false);

    /// <summary>
    /// Accepts a cleaned line. Indentation is not trusted (pastes turn Go's tabs into spaces or drop them):
    /// a line is what its shape says, a file line only where a frame or "created by" expects one.
    /// <paramref name="cut"/> marks the last line of an input that ended without a line ending.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accept(ReadOnlySpan<byte> line, long lineNumber, bool cut)
    {
        _line = lineNumber;
        int indent = 0;
        while (indent < line.Length && line[indent] is (byte)'\t' or (byte)' ') indent++;
        var body = line[indent..];
        if (body.IsEmpty)
        {
            EndGoroutine();
            return;
        }
        if (cut && _dump != null) _dump.Truncated = true;
        if (_orphanFunction != null && AcceptOrphanFileLine(body, indent > 0, cut)) return;
        if (_inGoroutine && _expect != Expect.Anything && AcceptFileLine(body, indented: indent > 0, cut)) return;
        switch (body[0])
        {
            case (byte)'g':
                if (StackLines.TryParseHeader(body, out var header))
                {
                    StartGoroutine(header);
                    return;
                }
                if (_inGoroutine && body.SequenceEqual("goroutine running on other thread; stack unavailable"u8))
                {
                    _goroutine.StackUnavailable = true;
                    return;
                }
                break;
            case (byte)'c':
                if (_inGoroutine && StackLines.TryParseCreatedBy(body, out var creator, out long creatorId))
                {
                    var frame = new Frame(_interner.Intern(creator), "", 0);
                    if (_goroutine.AncestorId >= 0) _goroutine.AncestorCreatedBy = frame;
                    else
                    {
                        _goroutine.CreatedBy = frame;
                        if (creatorId >= 0) _goroutine.CreatorGoroutine = creatorId;
                    }
                    _expect = Expect.FileOfCreator;
                    return;
                }
                break;
            case (byte)'.':
                if (_inGoroutine && StackLines.IsElided(body))
                {
                    if (_goroutine.AncestorId >= 0) _goroutine.AncestorElided = true;
                    else _goroutine.Elided = true;
                    _expect = Expect.Anything;
                    return;
                }
                break;
            case (byte)'[':
                if (_inGoroutine && StackLines.TryParseOriginating(body, out long ancestor))
                {
                    _goroutine.StartAncestor(ancestor);
                    _expect = Expect.Anything;
                    return;
                }
                break;
            case (byte)'-':
                // GOTRACEBACK=crash separates the signal dumps of several threads with "-----".
                if (_dump != null && body.TrimStart((byte)'-').IsEmpty && body.Length >= 3) return;
                break;
        }
        if (StackLines.IsMessage(body))
        {
            // "\tpanic: B" under "panic: A [recovered]" continues the message block.
            if (indent > 0 && _dump != null && !_inGoroutine && _dump.GoroutineCount == 0)
            {
                _dump.AddMessage(Utf8Cursor.Decode(body));
                return;
            }
            StartMessage(body);
            return;
        }
        if ((!_inGoroutine || _goroutine.Frames.Count == 0) && StackLines.NormalizedMessage(body) is { } normalized)
        {
            EndGoroutine();
            if (_dump == null || _dump.GoroutineCount > 0) StartDump();
            _dump!.AddMessage(normalized);
            return;
        }
        if (_inGoroutine && StackLines.TryParseFunctionLine(body, out var function))
        {
            if (_expect == Expect.FileOfFrame) _dump!.Truncated = true; // the previous frame lost its file line
            _goroutine.AddFrame(new Frame(_interner.Intern(function), "", 0));
            _expect = Expect.FileOfFrame;
            return;
        }
        if (_dump != null && StackLines.IsRegisterLine(body))
        {
            // A signal dump's register block ("rax    0x0", "r8     0x0", arm64 "lr      0x…") ends the goroutines.
            EndGoroutine();
            return;
        }
        if (!_inGoroutine && (_dump == null || _dump.GoroutineCount == 0) && StackLines.TryParseFunctionLine(body, out var orphan) && StackLines.IsGoFunctionName(orphan))
        {
            // Counted as not understood unless its file line follows (AcceptOrphanFileLine takes it back).
            _orphanFunction = _interner.Intern(orphan);
            _unknown++;
            return;
        }
        if (_dump != null && !_inGoroutine && _dump.GoroutineCount == 0)
        {
            _dump.AddDetail(Utf8Cursor.Decode(body));
            return;
        }
        _unknown++;
    }

    /// <summary>
    /// A file line right after a function line that belonged to no goroutine: the paste began in the middle of
    /// a stack. That stack becomes a goroutine of unknown id and state, in a dump marked truncated.
    /// </summary>
    private bool AcceptOrphanFileLine(ReadOnlySpan<byte> body, bool indented, bool cut)
    {
        var function = _orphanFunction!;
        _orphanFunction = null;
        if (_inGoroutine || !StackLines.TryParseFileBody(body, out var file, out int number, out _) || number <= 0
            || !(file.EndsWith(".go"u8) || file.EndsWith(".s"u8)) || !StackLines.IsPrintable(file)) return false;
        if (_dump == null) StartDump();
        StartGoroutine(new GoroutineHeader(-1, "unknown (the paste starts mid-stack)"u8, 0, false, false));
        _dump!.Truncated = true;
        _goroutine.AddFrame(new Frame(function, "", 0));
        _expect = Expect.FileOfFrame;
        _unknown--;
        return AcceptFileLine(body, indented, cut);
    }

    /// <summary>The file line of a frame or creator: "\t/src/x.go:13 +0x8b", or as a paste left it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AcceptFileLine(ReadOnlySpan<byte> body, bool indented, bool cut)
    {
        // An indented line right after a frame is its file line (Go's own layout); an unindented one must look like a path.
        if (!StackLines.TryParseFileBody(body, out var file, out int number, out bool hasOffset)) return false;
        if ((!indented || number == 0) && !StackLines.LooksLikePath(file, number)) return false;
        string path = _interner.Intern(file);
        // A cut last line may have lost digits ("main.go:2" of "main.go:28"); only a "+0x" offset proves the number whole.
        if (cut && !hasOffset) number = 0;
        if (number == 0) _dump!.Truncated = true; // the line was cut before its line number
        if (_expect == Expect.FileOfFrame) _goroutine.CompleteLastFrame(path, number);
        else if (_goroutine.AncestorId >= 0) _goroutine.AncestorCreatedBy = _goroutine.AncestorCreatedBy!.Value with { File = path, Line = number };
        else _goroutine.CreatedBy = _goroutine.CreatedBy!.Value with { File = path, Line = number };
        _expect = Expect.Anything;
        return true;
    }

    private void StartMessage(ReadOnlySpan<byte> line)
    {
        EndGoroutine();
        // Messages before any goroutine belong together ("panic: … [recovered]", a repeated "fatal error").
        if (_dump == null || _dump.GoroutineCount > 0) StartDump();
        _dump!.AddMessage(Utf8Cursor.Decode(line));
    }

    private void StartGoroutine(in GoroutineHeader header)
    {
        EndGoroutine();
        if (_dump == null || _dump.HasSeen(header.Id)) StartDump();
        _goroutine.Reset(header.Id, _interner.Intern(header.State), header.WaitMinutes, header.LockedToThread, header.Scanning);
        _inGoroutine = true;
        _expect = Expect.Anything;
    }

    private void EndGoroutine()
    {
        if (!_inGoroutine) return;
        _inGoroutine = false;
        if (_expect == Expect.FileOfFrame || (_goroutine.Frames.Count == 0 && !_goroutine.StackUnavailable)) _dump!.Truncated = true;
        _expect = Expect.Anything;
        _goroutine.FinishAncestor();
        _dump!.AddGoroutine(_goroutine);
    }

    private void StartDump()
    {
        FinishDump();
        _dump = new DumpBuilder(_dumpCount++, _line, _maxGroups);
    }

    private void FinishDump()
    {
        if (_dump == null) return;
        if (_dumps.Count < _maxDumps) _dumps.Add(_dump.Build());
        else _dropped++;
        _dump = null;
    }

    public CrashLog Finish(long overlongLines = 0, long bytes = 0)
    {
        EndGoroutine();
        FinishDump();
        return new CrashLog(_dumps, new CrashLineCounts(_line, _unknown, overlongLines, bytes), _dropped);
    }
}
