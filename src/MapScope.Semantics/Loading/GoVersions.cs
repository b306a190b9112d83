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

    /// <summary>
    /// A go-line version as cmd/go accepts it since Go 1.21: 1.N, 1.N.P, or 1.NrcK / 1.NbetaK (and
    /// "1" itself). Go 1.19's own check (1.N only) is narrower; mapscope reads files of any release.
    /// </summary>
    public static bool IsValid(string v)
    {
        if (v == "1") return true;
        if (!v.StartsWith("1.", StringComparison.Ordinal)) return false;
        int i = 2;
        if (!Digits(v, ref i)) return false;
        if (i == v.Length) return true;
        if (v[i] == '.') { i++; return Digits(v, ref i) && i == v.Length; }
        foreach (var pre in (string[])["rc", "beta"])
            if (string.CompareOrdinal(v, i, pre, 0, pre.Length) == 0) { i += pre.Length; return Digits(v, ref i) && i == v.Length; }
        return false;
    }

    private static bool Digits(string s, ref int i)
    {
        int start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i > start && !(s[start] == '0' && i - start > 1);
    }
}
