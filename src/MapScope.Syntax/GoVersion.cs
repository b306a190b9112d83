using System.Globalization;

namespace MapScope.Syntax;

/// <summary>
/// A Go release ("1.24"), naming the go/parser whose verdicts and trees the parser reproduces.
/// go/parser is not stable across releases: after Go 1.19 it left several checks to go/types, and
/// Go 1.24 keeps parentheses it used to drop. The default is <see cref="Latest"/>.
/// </summary>
public readonly record struct GoVersion(int Major, int Minor) : IComparable<GoVersion>
{
    public static readonly GoVersion Go1_19 = new(1, 19);
    public static readonly GoVersion Go1_20 = new(1, 20);
    public static readonly GoVersion Go1_24 = new(1, 24);

    /// <summary>The newest go/parser behaviour mapscope knows.</summary>
    public static readonly GoVersion Latest = Go1_24;

    public int CompareTo(GoVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(GoVersion a, GoVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(GoVersion a, GoVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(GoVersion a, GoVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(GoVersion a, GoVersion b) => a.CompareTo(b) >= 0;

    /// <summary>
    /// Reads "1.24", "go1.24", "go1.24.4", "go1.21rc2" or "go1.22.0 X:nocoverageredesign" (what
    /// `go env GOVERSION` prints); the patch level and any suffix are ignored.
    /// </summary>
    public static bool TryParse(string? text, out GoVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.AsSpan().Trim();
        if (s.StartsWith("go", StringComparison.Ordinal)) s = s[2..];
        int dot = s.IndexOf('.');
        if (dot <= 0) return false;
        if (!int.TryParse(s[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out int major)) return false;
        var rest = s[(dot + 1)..];
        int n = 0;
        while (n < rest.Length && char.IsAsciiDigit(rest[n])) n++;
        if (n == 0 || !int.TryParse(rest[..n], NumberStyles.None, CultureInfo.InvariantCulture, out int minor)) return false;
        version = new GoVersion(major, minor);
        return true;
    }

    /// <summary>Like <see cref="TryParse"/>, but throws a FormatException naming the text.</summary>
    public static GoVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"not a Go version: \"{text}\" (expected e.g. 1.24 or go1.24.4)");

    public override string ToString() => $"{Major}.{Minor}";
}
