namespace MapScope.Semantics.Loading;

/// <summary>Go release numbers: "1.19", "go1.19.8", "1.21rc2" → minor 19, 19, 21.</summary>
public static class GoVersions
{
    public static int? Minor(string? version)
    {
        if (string.IsNullOrEmpty(version)) return null;
        var v = version.StartsWith("go", StringComparison.Ordinal) ? version[2..] : version;
        if (!v.StartsWith("1.", StringComparison.Ordinal)) return null;
        int i = 2, minor = 0;
        while (i < v.Length && char.IsAsciiDigit(v[i])) minor = minor * 10 + (v[i++] - '0');
        return i == 2 ? null : minor;
    }
}
