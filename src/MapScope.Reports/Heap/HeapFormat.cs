using System.Globalization;

namespace MapScope.Reports.Heap;

/// <summary>Number and label formatting shared by the heap renderers.</summary>
public static class HeapFormat
{
    public static string Value(long v, string unit) => unit == "bytes" ? Bytes(v) : v.ToString("N0", CultureInfo.InvariantCulture);

    public static string Signed(long v, string unit) => (v > 0 ? "+" : "") + Value(v, unit);

    /// <summary>IEC units, two decimals: 81.92 MB of entries prints as 78.12 MiB.</summary>
    public static string Bytes(long v)
    {
        long a = Math.Abs(v);
        string sign = v < 0 ? "-" : "";
        return a switch
        {
            >= 1L << 30 => sign + (a / (double)(1L << 30)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
            >= 1L << 20 => sign + (a / (double)(1L << 20)).ToString("0.00", CultureInfo.InvariantCulture) + " MiB",
            >= 1L << 10 => sign + (a / (double)(1L << 10)).ToString("0.00", CultureInfo.InvariantCulture) + " KiB",
            _ => sign + a.ToString(CultureInfo.InvariantCulture) + " B",
        };
    }

    public static string Percent(double p) =>
        double.IsInfinity(p) ? "new" : p.ToString(Math.Abs(p) < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "%";

    public static double Share(long part, long whole) => whole == 0 ? 0 : 100.0 * part / whole;

    public static string Location(HeapSite s) => s.File.Length == 0 ? "?" : $"{s.File}:{s.Line}";

    public static string Operation(Evidence.Pprof.MapOperation op) => op switch
    {
        Evidence.Pprof.MapOperation.MakeMap => "make(map)",
        Evidence.Pprof.MapOperation.MapLiteral => "map literal",
        Evidence.Pprof.MapOperation.Insert => "insert (map growth)",
        Evidence.Pprof.MapOperation.ValueStored => "value stored in map",
        Evidence.Pprof.MapOperation.MapsClone => "maps.Clone",
        _ => "not a map operation",
    };

    public static string Owner(Evidence.Pprof.MapOwnerKind owner) => owner switch
    {
        Evidence.Pprof.MapOwnerKind.PackageVariable => "package variable",
        Evidence.Pprof.MapOwnerKind.Field => "field",
        Evidence.Pprof.MapOwnerKind.Local => "local",
        _ => "unknown",
    };

    /// <summary>"20,000 × 4.00 KiB, 1 × 888.00 KiB" — the top few block sizes of a site.</summary>
    public static string Blocks(HeapSite s, int max = 3)
    {
        var parts = s.BlockSizes.Where(b => b.Size > 0).Take(max)
            .Select(b => $"{b.Objects.ToString("N0", CultureInfo.InvariantCulture)} × {Bytes(b.Size)}").ToList();
        int more = s.BlockSizes.Count(b => b.Size > 0) - parts.Count;
        if (more > 0) parts.Add($"{more} more sizes");
        return string.Join(", ", parts);
    }
}
