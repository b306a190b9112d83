namespace MapScope.Semantics.Loading;

/// <summary>
/// What a file's name alone says about the build: names starting with _ or . are never sources,
/// <c>_test.go</c> marks tests, and <c>name_GOOS</c>, <c>name_GOARCH</c>, <c>name_GOOS_GOARCH</c> (before an
/// optional <c>_test</c>) restrict the file to that system/architecture — as go/build's goodOSArchFile.
/// </summary>
public static class FileNameRules
{
    /// <summary>Files the go command never looks at (editor backups, disabled files).</summary>
    public static bool IsIgnored(string name) => name.StartsWith('_') || name.StartsWith('.');

    public static bool IsGoFile(string name) => name.EndsWith(".go", StringComparison.Ordinal);

    public static bool IsTestFile(string name) => name.EndsWith("_test.go", StringComparison.Ordinal);

    /// <summary>Whether the name's GOOS/GOARCH suffix (if any) matches the context.</summary>
    public static bool MatchesOSArch(string name, BuildContext ctx)
    {
        int dot = name.IndexOf('.');
        if (dot >= 0) name = name[..dot];
        // Only what follows the first underscore counts: "linux.go" is not restricted, "x_linux.go" is.
        int us = name.IndexOf('_');
        if (us < 0) return true;
        var parts = name[(us + 1)..].Split('_');
        int n = parts.Length;
        if (n > 0 && parts[n - 1] == "test") n--;
        if (n >= 2 && ctx.Platforms.OperatingSystems.Contains(parts[n - 2]) && ctx.Platforms.Architectures.Contains(parts[n - 1]))
            return ctx.MatchTag(parts[n - 1]) && ctx.MatchTag(parts[n - 2]);
        if (n >= 1 && (ctx.Platforms.OperatingSystems.Contains(parts[n - 1]) || ctx.Platforms.Architectures.Contains(parts[n - 1])))
            return ctx.MatchTag(parts[n - 1]);
        return true;
    }
}
