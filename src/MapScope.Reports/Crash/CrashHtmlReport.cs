using System.Net;
using MapScope.Evidence.Crash;

namespace MapScope.Reports.Crash;

/// <summary>A single self-contained HTML page of the crash report, every string escaped.</summary>
public static class CrashHtmlReport
{
    public static void Write(CrashLog log, string input, TextWriter w, CrashSourceFacts? source = null)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine($"<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E("mapscope crash: " + input)}</title>");
        w.WriteLine("<style>body{font-family:sans-serif;margin:2em}.culprit{background:#fee;padding:.5em}pre{background:#f6f6f6;padding:.5em;overflow-x:auto}td{vertical-align:top;padding:2px 8px}</style></head><body>");
        w.WriteLine($"<h1>{E("mapscope crash: " + input)}</h1>");
        foreach (var d in log.Dumps)
        {
            w.WriteLine($"<h2>{E($"dump {d.Index + 1} (line {d.FirstLine}): {d.Message ?? "goroutine dump"}")}</h2>");
            w.WriteLine($"<p>{E(CrashDescriptions.Explain(d))}{(d.Truncated ? " <b>(truncated)</b>" : "")}</p>");
            if (d.Culprit is { } c) w.WriteLine($"<p class=\"culprit\">culprit: <code>{E($"{c.File}:{c.Line}")}</code> in <code>{E(c.Function)}</code></p>");
            if (source is not null && source.Looked(d))
            {
                var text = new StringWriter();
                if (source.Culprit(d) is { } facts) Source.MapFactsText.WriteAccessFacts(facts, source.Path, "", text);
                else text.WriteLine("map: not found in --source");
                w.WriteLine($"<pre>{E(text.ToString())}</pre>");
            }
            foreach (var p in d.OtherParties) w.WriteLine($"<p>possible other party: goroutine {p.GoroutineId} at <code>{E($"{p.Frame.File}:{p.Frame.Line}")}</code> <code>{E(p.Frame.Function)}</code></p>");
            w.WriteLine("<table><tr><th>count</th><th>state</th><th>stack</th></tr>");
            foreach (var g in d.Groups)
            {
                var r = g.Representative;
                var stack = string.Join("\n", r.Frames.Select(f => $"{f.Function}\n    {f.File}:{f.Line}"))
                            + (r.CreatedBy is { } cb ? $"\ncreated by {cb.Function}\n    {cb.File}:{cb.Line}" : "");
                w.WriteLine($"<tr><td>{g.Count}</td><td>{E(r.State)}</td><td><pre>{E(stack)}</pre></td></tr>");
            }
            w.WriteLine("</table>");
        }
        w.WriteLine($"<p>{log.Lines.Total} lines, {log.Lines.Unknown} not part of a dump.</p></body></html>");
    }
}
