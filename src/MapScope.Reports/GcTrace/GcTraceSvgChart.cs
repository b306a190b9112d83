using System.Globalization;
using System.Net;
using MapScope.Evidence.GcTrace;

namespace MapScope.Reports.GcTrace;

/// <summary>
/// A self-contained SVG of a GC trace: live heap (with its min–max band) and heap goal against time on
/// the top panel, the longest stop-the-world pause per interval below, and the later-half trend line.
/// </summary>
public static class GcTraceSvgChart
{
    private const int Width = 900, Left = 70, Right = 20, Top = 40, HeapHeight = 260, Gap = 50, PauseHeight = 120;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Write(GcTraceSummary s, string title, TextWriter w)
    {
        int height = Top + HeapHeight + Gap + PauseHeight + 40;
        w.WriteLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">");
        w.WriteLine($"<title>{Esc(title)}</title>");
        w.WriteLine($"<text x=\"{Left}\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{Esc(title)}: {Esc(GcTraceTextReport.Headline(s))}</text>");
        var buckets = s.Series.Buckets;
        if (buckets.Count == 0)
        {
            w.WriteLine($"<text x=\"{Left}\" y=\"{Top + 20}\">no GC lines</text></svg>");
            return;
        }
        double t0 = buckets[0].FirstSeconds, t1 = Math.Max(buckets[^1].LastSeconds, t0 + 1e-9);
        double maxMB = Math.Max(1, buckets.Max(b => Math.Max(b.MaxGoalMB, b.MaxLiveMB)));
        double maxPause = Math.Max(0.001, buckets.Max(b => b.MaxPauseMs));
        double X(double t) => Left + (t - t0) / (t1 - t0) * (Width - Left - Right);
        double Y(double mb) => Top + HeapHeight - mb / maxMB * HeapHeight;
        double P(double ms) => Top + HeapHeight + Gap + PauseHeight - ms / maxPause * PauseHeight;

        Axes(w, Top, HeapHeight, maxMB, "MB");
        Axes(w, Top + HeapHeight + Gap, PauseHeight, maxPause, "ms STW");
        w.WriteLine($"<text x=\"{Left}\" y=\"{height - 8}\">time since start: {F(t0)} s … {F(t1)} s</text>");

        // Band of min..max live heap, then the mean line, then the goal.
        var band = string.Join(' ', buckets.Select(b => $"{F(X(b.MeanSeconds))},{F(Y(b.MaxLiveMB))}"))
                 + " " + string.Join(' ', buckets.Reverse().Select(b => $"{F(X(b.MeanSeconds))},{F(Y(b.MinLiveMB))}"));
        w.WriteLine($"<polygon points=\"{band}\" fill=\"#9ecae1\" fill-opacity=\"0.5\" stroke=\"none\"/>");
        w.WriteLine($"<polyline points=\"{string.Join(' ', buckets.Select(b => $"{F(X(b.MeanSeconds))},{F(Y(b.MeanLiveMB))}"))}\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"1.5\"><title>live heap after GC</title></polyline>");
        w.WriteLine($"<polyline points=\"{string.Join(' ', buckets.Select(b => $"{F(X(b.MeanSeconds))},{F(Y(b.MaxGoalMB))}"))}\" fill=\"none\" stroke=\"#a63603\" stroke-dasharray=\"4 3\"><title>heap goal</title></polyline>");
        var trend = s.Trend;
        if (trend.Verdict != HeapVerdict.NotEnoughData)
        {
            double mid = trend.LaterHalfFromSeconds;
            double y0 = trend.MeanLiveMBLaterHalf - trend.LaterHalf.Slope * ((t1 - mid) / 2);
            double y1 = trend.MeanLiveMBLaterHalf + trend.LaterHalf.Slope * ((t1 - mid) / 2);
            string color = trend.Verdict == HeapVerdict.Growing ? "#cb181d" : "#238b45";
            w.WriteLine($"<line x1=\"{F(X(mid))}\" y1=\"{F(Y(y0))}\" x2=\"{F(X(t1))}\" y2=\"{F(Y(y1))}\" stroke=\"{color}\" stroke-width=\"2\"><title>later-half trend {F(trend.MBPerMinute)} MB/min</title></line>");
        }
        foreach (var b in buckets)
            w.WriteLine($"<line x1=\"{F(X(b.MeanSeconds))}\" y1=\"{F(P(0))}\" x2=\"{F(X(b.MeanSeconds))}\" y2=\"{F(P(b.MaxPauseMs))}\" stroke=\"#6a51a3\"/>");
        Legend(w);
        w.WriteLine("</svg>");
    }

    private static void Axes(TextWriter w, int top, int height, double max, string unit)
    {
        w.WriteLine($"<line x1=\"{Left}\" y1=\"{top}\" x2=\"{Left}\" y2=\"{top + height}\" stroke=\"#444\"/>");
        w.WriteLine($"<line x1=\"{Left}\" y1=\"{top + height}\" x2=\"{Width - Right}\" y2=\"{top + height}\" stroke=\"#444\"/>");
        w.WriteLine($"<text x=\"{Left - 6}\" y=\"{top + 4}\" text-anchor=\"end\">{F(max)}</text>");
        w.WriteLine($"<text x=\"{Left - 6}\" y=\"{top + height}\" text-anchor=\"end\">0</text>");
        w.WriteLine($"<text x=\"{Left - 6}\" y=\"{top + height / 2}\" text-anchor=\"end\">{Esc(unit)}</text>");
    }

    private static void Legend(TextWriter w)
    {
        int x = Width - Right - 330, y = Top + 12;
        w.WriteLine($"<g><line x1=\"{x}\" y1=\"{y}\" x2=\"{x + 20}\" y2=\"{y}\" stroke=\"#08519c\" stroke-width=\"1.5\"/><text x=\"{x + 25}\" y=\"{y + 4}\">live heap</text>");
        w.WriteLine($"<line x1=\"{x + 95}\" y1=\"{y}\" x2=\"{x + 115}\" y2=\"{y}\" stroke=\"#a63603\" stroke-dasharray=\"4 3\"/><text x=\"{x + 120}\" y=\"{y + 4}\">heap goal</text>");
        w.WriteLine($"<line x1=\"{x + 195}\" y1=\"{y}\" x2=\"{x + 215}\" y2=\"{y}\" stroke=\"#cb181d\" stroke-width=\"2\"/><text x=\"{x + 220}\" y=\"{y + 4}\">later-half trend</text></g>");
    }

    private static string F(double v) => v.ToString("0.##", C);
    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
