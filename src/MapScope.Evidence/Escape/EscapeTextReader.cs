using MapScope.Evidence.Lines;

namespace MapScope.Evidence.Escape;

/// <summary>
/// Reads the text output of go build -gcflags=-m, -m=2 or "-m -m": "file:line:col: message" lines,
/// "# package" headers, and the indented "flow:"/"from" lines of -m=2 explanations.
/// </summary>
public sealed class EscapeTextReader
{
    private readonly EscapeCollector _collector = new();
    private string _package = "";
    private EscapeExplanation? _current;
    private string _destination = "";
    private long _total, _diagnostics, _unknown;

    /// <summary>Reads a build log through the shared <see cref="LineCleaner"/> (CI timestamps, colour codes, quoting are stripped).</summary>
    public static EscapeLog Read(Stream input)
    {
        var reader = new EscapeTextReader();
        var lines = new CleanLineReader(input);
        while (lines.TryReadLine(out var line, out _)) reader.Accept(Utf8Cursor.Decode(line));
        return reader.Finish(lines.OverlongLines);
    }

    public void Accept(string line)
    {
        _total++;
        line = line.TrimStart('\t', ' ');
        if (line.Length == 0) return;
        if (line.StartsWith("# ", StringComparison.Ordinal))
        {
            Flush();
            _package = line[2..];
            return;
        }
        if (!TrySplit(line, out var position, out var message))
        {
            _unknown++;
            return;
        }
        _diagnostics++;
        if (message.StartsWith(' '))
        {
            if (_current == null) return; // an explanation line whose header was lost
            if (EscapeMessages.TryParseFlow(message, out var destination)) _destination = destination;
            else if (EscapeMessages.TryParseFrom(message, out var expression, out var reason, out var at))
            {
                SourcePosition? where = at != null && EscapeMessages.TryParsePosition(at, out var p) ? p : null;
                _current.Steps.Add(new FlowStep(_destination, expression, reason, where));
            }
            return;
        }
        Flush();
        if (EscapeMessages.IsExplanationHeader(message))
        {
            _current = new EscapeExplanation(_package, position, message[..^1]);
            _destination = "";
        }
        else _collector.AddStatement(_package, position, message);
    }

    public EscapeLog Finish(long overlong = 0)
    {
        Flush();
        var (maps, leaks, stack) = _collector.Build();
        return new EscapeLog(maps, leaks, stack, new EscapeLineCounts(_total, _diagnostics, _unknown, overlong, 1));
    }

    private void Flush()
    {
        if (_current != null) _collector.AddExplanation(_current);
        _current = null;
    }

    /// <summary>Splits "path:line:col: message" where path may itself contain ':'.</summary>
    private static bool TrySplit(string line, out SourcePosition position, out string message)
    {
        position = default;
        message = "";
        for (int sep = line.IndexOf(": ", StringComparison.Ordinal); sep > 0; sep = line.IndexOf(": ", sep + 1, StringComparison.Ordinal))
        {
            if (EscapeMessages.TryParsePosition(line[..sep], out position))
            {
                message = line[(sep + 2)..];
                return true;
            }
        }
        return false;
    }
}
