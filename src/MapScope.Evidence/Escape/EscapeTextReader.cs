using System.Runtime.CompilerServices;
using MapScope.Evidence.Lines;

namespace MapScope.Evidence.Escape;

/// <summary>
/// Reads the text output of go build -gcflags=-m, -m=2 or "-m -m": "file:line:col: message" lines,
/// "# package" headers, and the indented "flow:"/"from" lines of -m=2 explanations. Works on bytes and
/// decodes only what concerns maps: map allocations, explanations with a map step, and the inlining lines
/// ("can inline F", "inlining call to F") that say where an inlined copy of a map came from.
/// </summary>
public sealed class EscapeTextReader
{
    private readonly EscapeCollector _collector = new();
    private readonly Utf8Interner _interner = new();
    private string _package = "";
    private EscapeExplanation? _current;
    private bool _currentIsMap;
    private string _destination = "";
    private bool _destinationIsHeap;
    private long _total, _diagnostics, _unknown;

    /// <summary>Reads a build log through the shared <see cref="LineCleaner"/> (CI timestamps, colour codes, quoting are stripped).</summary>
    public static EscapeLog Read(Stream input)
    {
        var reader = new EscapeTextReader();
        var lines = new CleanLineReader(input);
        while (lines.TryReadLine(out var line, out _)) reader.Accept(line);
        return reader.Finish(lines.OverlongLines);
    }

    public void Accept(string line) => Accept(System.Text.Encoding.UTF8.GetBytes(line));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accept(ReadOnlySpan<byte> line)
    {
        _total++;
        line = line.TrimStart("\t "u8);
        if (line.IsEmpty) return;
        if (line.StartsWith("# "u8))
        {
            Flush();
            _package = _interner.Intern(line[2..]);
            return;
        }
        if (!EscapeLineParser.TrySplit(line, out var file, out int lineNumber, out int column, out var message))
        {
            _unknown++;
            return;
        }
        _diagnostics++;
        if (!message.IsEmpty && message[0] == (byte)' ')
        {
            if (_current != null) AcceptFlowLine(message.TrimStart((byte)' '));
            return;
        }
        Flush();
        if (message.IsEmpty) return;
        var position = new SourcePosition(_interner.Intern(file), lineNumber, column);
        if (message[^1] == (byte)':' && IsExplanationHeader(message))
        {
            var header = message[..^1];
            _current = new EscapeExplanation(_package, position, Utf8Cursor.Decode(header));
            _currentIsMap = EscapeLineParser.IsMapAllocation(SubjectOf(header));
            _destination = "";
            _destinationIsHeap = false;
            return;
        }
        switch (message[0])
        {
            case (byte)'i' when message.StartsWith("inlining call to "u8):
                _collector.AddInlining(position, _interner.Intern(FunctionName(message["inlining call to ".Length..])));
                return;
            case (byte)'c' when message.StartsWith("can inline "u8):
                _collector.AddFunction(_package, position, _interner.Intern(FunctionName(message["can inline ".Length..])));
                return;
            case (byte)'c' when message.StartsWith("cannot inline "u8):
                _collector.AddFunction(_package, position, _interner.Intern(FunctionName(message["cannot inline ".Length..])));
                return;
        }
        if (message.StartsWith("make(map["u8) || message.StartsWith("new(map["u8) || message.StartsWith("map["u8)) _collector.AddStatement(_package, position, Utf8Cursor.Decode(message));
    }

    /// <summary>"flow: D = S:" or "from EXPR (REASON) at POS" of the explanation being read.</summary>
    private void AcceptFlowLine(ReadOnlySpan<byte> t)
    {
        if (EscapeLineParser.TryParseFlow(t, out var destination))
        {
            _destination = _interner.Intern(destination);
            _destinationIsHeap = destination.SequenceEqual("{heap}"u8);
            return;
        }
        if (!EscapeLineParser.TryParseFrom(t, out var expression, out var reason, out var at)) return;
        // Steps of explanations that are not about a map are kept only when they put something into a map.
        if (!_currentIsMap && !EscapeLineParser.IsLeakStep(reason, _destinationIsHeap, expression)) return;
        SourcePosition? where = EscapeLineParser.TryPosition(at, out var f, out int l, out int c) ? new SourcePosition(_interner.Intern(f), l, c) : null;
        _current!.Steps.Add(new FlowStep(_destination, Utf8Cursor.Decode(expression), _interner.Intern(reason), where));
    }

    public EscapeLog Finish(long overlong = 0)
    {
        Flush();
        var (maps, leaks, stack) = _collector.Build();
        return new EscapeLog(maps, leaks, stack, new EscapeLineCounts(_total, _diagnostics, _unknown, overlong, 1));
    }

    private void Flush()
    {
        if (_current != null && (_currentIsMap || _current.Steps.Count > 0)) _collector.AddExplanation(_current);
        _current = null;
    }

    /// <summary>"X escapes to heap:" or "parameter P leaks to D with derefs=N:".</summary>
    private static bool IsExplanationHeader(ReadOnlySpan<byte> message) =>
        message.EndsWith(" escapes to heap:"u8) || (message.StartsWith("parameter "u8) && message.IndexOf(" leaks to "u8) > 0);

    private static ReadOnlySpan<byte> SubjectOf(ReadOnlySpan<byte> header) =>
        header.EndsWith(" escapes to heap"u8) ? header[..^" escapes to heap".Length] : header;

    /// <summary>The function of "F with cost N as: …", "F: marked go:noinline", "F" (possibly "(*T).M", "pkg.F").</summary>
    private static ReadOnlySpan<byte> FunctionName(ReadOnlySpan<byte> rest)
    {
        int end = rest.IndexOfAny(" :"u8);
        return end < 0 ? rest : rest[..end];
    }
}
