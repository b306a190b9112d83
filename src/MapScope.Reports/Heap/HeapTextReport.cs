using System.Globalization;

namespace MapScope.Reports.Heap;

/// <summary>The plain-text heap report (pprof -top shaped, with maps and block sizes).</summary>
public static class HeapTextReport
{
    public static void Write(HeapReport r, TextWriter w)
    {
        w.WriteLine($"profile: {r.ProfileName} ({r.SampleType})");
        if (r.BaseName is not null) w.WriteLine($"base:    {r.BaseName}");
        if (r.HasBase)
        {
            var pct = HeapFormat.Share(r.Delta!.Value, r.BaseTotal!.Value);
            w.WriteLine($"total:   {V(r.Total)} (base {V(r.BaseTotal.Value)}, {S(r.Delta.Value)}, {Sign(pct)}{HeapFormat.Percent(pct)} of base)");
        }
        else w.WriteLine($"total:   {V(r.Total)}");
        if (r.Note is not null) w.WriteLine(r.Note);
        w.WriteLine();

        if (r.Attributed)
        {
            if (r.Maps.Count == 0) w.WriteLine("no allocation site was attributed to a map operation");
            else
            {
                w.WriteLine(r.HasBase ? "maps, growth first:" : "maps by size:");
                foreach (var m in r.Maps)
                {
                    var share = HeapFormat.Percent(HeapFormat.Share(m.Value, r.Total));
                    var delta = m.Delta is { } d ? $"  {S(d)} vs base" : "";
                    w.WriteLine($"  {V(m.Value),12} {share,7}  {m.Map} ({HeapFormat.Owner(m.Owner)}){delta}");
                    foreach (var s in m.Sites)
                        w.WriteLine($"  {"",12} {"",7}    {HeapFormat.Operation(s.Attribution!.Operation)} at {s.Attribution.SourcePath}:{s.Attribution.Line}: {V(s.Value)}");
                }
            }
            w.WriteLine();
        }

        w.WriteLine(r.HasBase ? "sites, growth first:" : "sites:");
        if (r.HasBase) w.WriteLine($"  {"delta",12} {"delta%",7} {"now",12} {"base",12}  site");
        else w.WriteLine($"  {"flat",12} {"flat%",7} {"objects",10}  site");
        long denominator = r.BaseTotal ?? r.Total;
        foreach (var s in r.Sites)
        {
            if (r.HasBase)
                w.WriteLine($"  {S(s.Delta!.Value),12} {Sign(s.Delta.Value) + HeapFormat.Percent(HeapFormat.Share(s.Delta.Value, denominator)),7} {V(s.Value),12} {V(s.BaseValue!.Value),12}  {s.Function} {HeapFormat.Location(s)}");
            else
                w.WriteLine($"  {V(s.Value),12} {HeapFormat.Percent(HeapFormat.Share(s.Value, denominator)),7} {s.Objects.ToString("N0", CultureInfo.InvariantCulture),10}  {s.Function} {HeapFormat.Location(s)}");
            var blocks = HeapFormat.Blocks(s);
            if (blocks.Length > 0) w.WriteLine($"  {"",12} {"",7} blocks: {blocks}");
            if (s.Attribution is { } a)
            {
                var what = a.IsMap ? $"{HeapFormat.Operation(a.Operation)}{(a.Map is null ? "" : $" into {a.Map} ({HeapFormat.Owner(a.Owner)})")}" : "not a map operation";
                w.WriteLine($"  {"",12} {"",7} {what}: {a.SourcePath}:{a.Line}{(a.Snippet is null ? "" : "  " + a.Snippet)}");
                if (s.MapStorage is { } storage)
                    w.WriteLine($"  {"",12} {"",7} by block size: {V(storage)} map buckets, {V(s.Value - storage)} {(a.Operation == Evidence.Pprof.MapOperation.ValueStored ? "stored values" : "other")}");
            }
        }
        if (r.OmittedSites > 0) w.WriteLine($"  ... {r.OmittedSites} more sites (raise --top)");

        string V(long v) => HeapFormat.Value(v, r.Unit);
        string S(long v) => HeapFormat.Signed(v, r.Unit);
    }

    private static string Sign(double v) => v > 0 ? "+" : "";
    private static string Sign(long v) => v > 0 ? "+" : "";
}
