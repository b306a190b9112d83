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

    public static CrashLog Read(Stream input, int maxDumps = DefaultMaxDumps, int maxGroupsPerDump = DefaultMaxGroupsPerDump)
    {
        var reader = new CrashReader(maxDumps, maxGroupsPerDump);
        var lines = new LineReader(input);
        while (lines.TryReadLine(out var line)) reader.Accept(line);
        return reader.Finish(lines.OverlongLines, lines.BytesRead);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accept(ReadOnlySpan<byte> line)
    {
        _line++;
        if (line.IsEmpty)
        {
            EndGoroutine();
            return;
        }
        switch (line[0])
        {
            case (byte)'\t':
                if (AcceptTabbed(line)) return;
                break;
            case (byte)'g':
                if (StackLines.TryParseHeader(line, out var header))
                {
                    StartGoroutine(header);
                    return;
                }
                break;
            case (byte)'c':
                if (_inGoroutine && StackLines.TryParseCreatedBy(line, out var creator, out long creatorId))
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
                if (_inGoroutine && StackLines.IsElided(line))
                {
                    if (_goroutine.AncestorId >= 0) _goroutine.AncestorElided = true;
                    else _goroutine.Elided = true;
                    _expect = Expect.Anything;
                    return;
                }
                break;
            case (byte)'[':
                if (_inGoroutine && StackLines.TryParseOriginating(line, out long ancestor))
                {
                    _goroutine.StartAncestor(ancestor);
                    _expect = Expect.Anything;
                    return;
                }
                break;
        }
        if (StackLines.IsMessage(line))
        {
            StartMessage(line);
            return;
        }
        if (_inGoroutine && StackLines.TryParseFunctionLine(line, out var function))
        {
            if (_expect == Expect.FileOfFrame) _dump!.Truncated = true; // the previous frame lost its file line
            _goroutine.AddFrame(new Frame(_interner.Intern(function), "", 0));
            _expect = Expect.FileOfFrame;
            return;
        }
        if (_dump != null && !_inGoroutine && _dump.GoroutineCount == 0)
        {
            _dump.AddDetail(Utf8Cursor.Decode(line));
            return;
        }
        _unknown++;
    }

    /// <summary>A file line of a frame or creator, or a nested "\tpanic: …" message.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AcceptTabbed(ReadOnlySpan<byte> line)
    {
        if (_inGoroutine && _expect != Expect.Anything && StackLines.TryParseFileLine(line, out var file, out int number))
        {
            string path = _interner.Intern(file);
            if (number == 0) _dump!.Truncated = true; // the line was cut before its line number
            if (_expect == Expect.FileOfFrame) _goroutine.CompleteLastFrame(path, number);
            else if (_goroutine.AncestorId >= 0) _goroutine.AncestorCreatedBy = _goroutine.AncestorCreatedBy!.Value with { File = path, Line = number };
            else _goroutine.CreatedBy = _goroutine.CreatedBy!.Value with { File = path, Line = number };
            _expect = Expect.Anything;
            return true;
        }
        if (_inGoroutine && line[1..].SequenceEqual("goroutine running on other thread; stack unavailable"u8))
        {
            _goroutine.StackUnavailable = true;
            return true;
        }
        if (_dump != null && !_inGoroutine && _dump.GoroutineCount == 0 && StackLines.IsMessage(line[1..]))
        {
            _dump.AddMessage(Utf8Cursor.Decode(line[1..]));
            return true;
        }
        return false;
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
