using System.Globalization;
using System.Net;
using MapScope.Evidence.Pprof;

namespace MapScope.Reports.Heap;

/// <summary>
/// One self-contained HTML file: summary, a flame graph (an icicle of absolutely positioned boxes, widths
/// in percent, diff-coloured with a base) and the per-map and per-site tables. No script, no network;
/// every string from the profile or the source goes through <see cref="E"/>.
/// </summary>
public static class HeapHtmlReport
{
    /// <summary>Boxes narrower than this share of the widest are left out, so huge profiles stay small.</summary>
    private const double MinShare = 0.001;
    private const int RowHeight = 18;

    public static void Write(HeapReport r, TextWriter w)
    {
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine($"<title>mapscope heap: {E(r.ProfileName)}</title>");
        w.WriteLine("<style>");
        w.WriteLine("body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse}");
        w.WriteLine("td,th{padding:2px 8px;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}");
        w.WriteLine("tr:nth-child(even){background:#f4f4f4}code{font-size:12px}.note{color:#a60}");
        w.WriteLine(".flame{position:relative;width:100%;font:11px monospace;border:1px solid #ddd}");
        w.WriteLine($".flame div{{position:absolute;height:{RowHeight - 1}px;overflow:hidden;white-space:nowrap;box-sizing:border-box;border:1px solid #fff;padding:0 2px;line-height:{RowHeight - 2}px}}");
        w.WriteLine("</style></head><body>");

        w.WriteLine($"<h1>Heap profile <code>{E(r.ProfileName)}</code></h1>");
        w.WriteLine("<p>");
        w.WriteLine($"Sample type: <b>{E(r.SampleType)}</b>. Total: <b>{E(V(r, r.Total))}</b>");
        if (r.HasBase)
            w.WriteLine($" (base <code>{E(r.BaseName ?? "")}</code>: {E(V(r, r.BaseTotal!.Value))}, change {E(HeapFormat.Signed(r.Delta!.Value, r.Unit))})");
        w.WriteLine("</p>");
        if (r.Note is not null) w.WriteLine($"<p class=\"note\">{E(r.Note)}</p>");

        WriteFlameGraph(r, w);
        if (r.Attributed) WriteMaps(r, w);
        WriteSites(r, w);
        w.WriteLine("</body></html>");
    }

    private static void WriteFlameGraph(HeapReport r, TextWriter w)
    {
        var root = r.CallTree.Value;
        long scale = Math.Max(Math.Max(root.Current, root.BaseValue), 1);
        var boxes = new List<(CallTreeNode Node, double Left, double Width, int Depth)>();
        Layout(root, 0, 100.0 * Width(root) / scale, 0);
        int depth = boxes.Count == 0 ? 1 : boxes.Max(b => b.Depth) + 1;

        w.WriteLine(r.HasBase
            ? "<h2>Flame graph</h2><p>Width: the larger of now and base. Red grew, blue shrank (darker = larger change relative to the base).</p>"
            : "<h2>Flame graph</h2><p>Root at the top; width is the share of the total.</p>");
        w.WriteLine($"<div class=\"flame\" style=\"height:{depth * RowHeight}px\">");
        foreach (var (node, left, width, d) in boxes)
        {
            var tip = r.HasBase
                ? $"{node.Name}: now {V(r, node.Current)}, base {V(r, node.BaseValue)}, change {HeapFormat.Signed(node.Value, r.Unit)}"
                : $"{node.Name}: {V(r, node.Value)} ({HeapFormat.Percent(HeapFormat.Share(node.Value, root.Value))})";
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"<div style=\"left:{left:0.###}%;width:{width:0.###}%;top:{d * RowHeight}px;background:{Color(node, r.HasBase)}\" title=\"{E(tip)}\">{E(node.Name)}</div>"));
        }
        w.WriteLine("</div>");

        void Layout(CallTreeNode node, double left, double width, int d)
        {
            boxes.Add((node, left, width, d));
            double x = left;
            foreach (var child in node.Children.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                double cw = 100.0 * Width(child) / scale;
                if (cw >= 100 * MinShare) Layout(child, x, cw, d + 1);
                x += cw;
            }
        }

        static long Width(CallTreeNode n) => Math.Max(Math.Max(n.Current, n.BaseValue), 0);
    }

    private static string Color(CallTreeNode n, bool diff)
    {
        if (!diff)
        {
            // A stable warm colour per function name, as flame graphs usually are.
            uint h = 2166136261;
            foreach (var c in n.Name) h = (h ^ c) * 16777619;
            return $"hsl({20 + h % 40},{70 + h / 40 % 20}%,{60 + h / 800 % 15}%)";
        }
        long before = n.BaseValue, after = n.Current;
        double change = before == 0 ? (after > 0 ? 1 : 0) : Math.Clamp((after - before) / (double)before, -1, 1);
        int fade = (int)(255 * (1 - Math.Abs(change) * 0.8));
        return change >= 0 ? $"rgb(255,{fade},{fade})" : $"rgb({fade},{fade},255)";
    }

    private static void WriteMaps(HeapReport r, TextWriter w)
    {
        w.WriteLine("<h2>Maps</h2>");
        if (r.Maps.Count == 0) { w.WriteLine("<p>No allocation site was attributed to a map operation.</p>"); return; }
        w.WriteLine("<table><tr><th>map</th><th>owner</th><th>now</th>" + (r.HasBase ? "<th>base</th><th>change</th>" : "<th>share</th>") + "<th>sites</th></tr>");
        foreach (var m in r.Maps)
        {
            w.Write($"<tr><td><code>{E(m.Map)}</code></td><td>{E(HeapFormat.Owner(m.Owner))}</td><td class=\"n\">{E(V(r, m.Value))}</td>");
            if (r.HasBase) w.Write($"<td class=\"n\">{E(V(r, m.BaseValue ?? 0))}</td><td class=\"n\">{E(HeapFormat.Signed(m.Delta ?? 0, r.Unit))}</td>");
            else w.Write($"<td class=\"n\">{E(HeapFormat.Percent(HeapFormat.Share(m.Value, r.Total)))}</td>");
            w.Write("<td>");
            foreach (var s in m.Sites)
                w.Write($"{E(HeapFormat.Operation(s.Attribution!.Operation))} at <code>{E(s.Attribution.SourcePath)}:{s.Attribution.Line}</code><br>");
            w.WriteLine("</td></tr>");
        }
        w.WriteLine("</table>");
    }

    private static void WriteSites(HeapReport r, TextWriter w)
    {
        w.WriteLine("<h2>Sites</h2>");
        w.WriteLine("<table><tr><th>function</th><th>location</th><th>now</th>" + (r.HasBase ? "<th>base</th><th>change</th>" : "<th>share</th>")
            + "<th>objects</th><th>block sizes</th><th>map operation</th></tr>");
        foreach (var s in r.Sites)
        {
            w.Write($"<tr><td><code>{E(s.Function)}</code></td><td><code>{E(HeapFormat.Location(s))}</code></td><td class=\"n\">{E(V(r, s.Value))}</td>");
            if (r.HasBase) w.Write($"<td class=\"n\">{E(V(r, s.BaseValue ?? 0))}</td><td class=\"n\">{E(HeapFormat.Signed(s.Delta ?? 0, r.Unit))}</td>");
            else w.Write($"<td class=\"n\">{E(HeapFormat.Percent(HeapFormat.Share(s.Value, r.Total)))}</td>");
            w.Write($"<td class=\"n\">{s.Objects.ToString("N0", CultureInfo.InvariantCulture)}</td><td>{E(HeapFormat.Blocks(s))}</td><td>");
            if (s.Attribution is { } a)
            {
                w.Write(E(HeapFormat.Operation(a.Operation)));
                if (a.Map is not null) w.Write($" <code>{E(a.Map)}</code> ({E(HeapFormat.Owner(a.Owner))})");
                if (a.Snippet is not null) w.Write($"<br><code>{E(a.Snippet)}</code>");
            }
            w.WriteLine("</td></tr>");
        }
        w.WriteLine("</table>");
        if (r.OmittedSites > 0) w.WriteLine($"<p>{r.OmittedSites} more sites not shown (raise --top).</p>");
    }

    private static string V(HeapReport r, long v) => HeapFormat.Value(v, r.Unit);

    /// <summary>HTML-escapes text for element content and double-quoted attributes.</summary>
    public static string E(string s) => WebUtility.HtmlEncode(s);
}
