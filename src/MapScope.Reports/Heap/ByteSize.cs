using System.Globalization;
using System.Text.RegularExpressions;

namespace MapScope.Reports.Heap;

/// <summary>Sizes on the command line: "1048576", "512KiB", "50MB" (decimal), "2GiB" (binary).</summary>
public static partial class ByteSize
{
    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb|kib|mib|gib|tib|k|m|g|t)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Syntax();

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var m = Syntax().Match(text);
        if (!m.Success) return false;
        var number = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        double scale = m.Groups[2].Value.ToLowerInvariant() switch
        {
            "" or "b" => 1,
            "kb" or "k" => 1e3,
            "mb" or "m" => 1e6,
            "gb" or "g" => 1e9,
            "tb" or "t" => 1e12,
            "kib" => 1L << 10,
            "mib" => 1L << 20,
            "gib" => 1L << 30,
            _ => 1L << 40,
        };
        double value = Math.Round(number * scale);
        if (value > long.MaxValue) return false;
        bytes = (long)value;
        return true;
    }
}
