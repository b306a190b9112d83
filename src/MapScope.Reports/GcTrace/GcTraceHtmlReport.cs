using System.Net;
using MapScope.Evidence.GcTrace;

namespace MapScope.Reports.GcTrace;

/// <summary>A single self-contained HTML page: the SVG chart and the text report, every string escaped.</summary>
public static class GcTraceHtmlReport
{
    public static void Write(GcTraceSummary s, string input, TextWriter w)
    {
        var title = WebUtility.HtmlEncode($"mapscope gctrace: {input}");
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine($"<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>");
        w.WriteLine("<style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style></head><body>");
        w.WriteLine($"<h1>{title}</h1>");
        GcTraceSvgChart.Write(s, input, w);
        var text = new StringWriter();
        GcTraceTextReport.Write(s, input, text);
        w.WriteLine($"<pre>{WebUtility.HtmlEncode(text.ToString())}</pre>");
        w.WriteLine("</body></html>");
    }
}
