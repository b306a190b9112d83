namespace MapScope.Cli;

/// <summary>
/// A one-line progress display on stderr, "[ 12/340] net/http", redrawn in place with \r and erased when done.
/// Used only when stderr is a terminal; redraws at most every 100 ms.
/// </summary>
public sealed class LintProgressLine(TextWriter stderr)
{
    private readonly object _lock = new();
    private long _lastTicks;
    private int _width;

    public void Report(int done, int total, string item)
    {
        lock (_lock)
        {
            long now = Environment.TickCount64;
            if (done < total && now - _lastTicks < 100) return;
            _lastTicks = now;
            var digits = total.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            var text = $"[{done.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits)}/{total}] {item}";
            if (text.Length > 79) text = text[..79];
            stderr.Write("\r" + text.PadRight(_width));
            _width = text.Length;
            stderr.Flush();
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            if (_width == 0) return;
            stderr.Write("\r" + new string(' ', _width) + "\r");
            _width = 0;
            stderr.Flush();
        }
    }
}
