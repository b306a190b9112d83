namespace MapScope.Semantics.Loading;

/// <summary>How one file of a directory takes part in the package for a build context.</summary>
public enum FileRole
{
    /// <summary>Not a source file, or named _x / .x: not reported at all.</summary>
    NotSource,
    /// <summary>Excluded by its name suffix or its build constraints.</summary>
    Ignored,
    Go,
    Cgo,
    Test,
    /// <summary>A file of the pseudo-package "documentation": never compiled, yet it makes its directory a package.</summary>
    Documentation,
    /// <summary>A file that the go command rejects (bad constraint syntax, unreadable header).</summary>
    Invalid,
}

/// <summary>Decides a file's <see cref="FileRole"/>: file-name rules first, then the header's build constraints.</summary>
public static class FileMatcher
{
    public static (FileRole Role, FileHeader? Header) Match(string dir, string name, BuildContext ctx)
    {
        if (FileNameRules.IsIgnored(name) || !FileNameRules.IsGoFile(name)) return (FileRole.NotSource, null);
        if (!FileNameRules.MatchesOSArch(name, ctx)) return (FileRole.Ignored, null);
        FileHeader header;
        try
        {
            header = FileHeaderReader.Read(Path.Combine(dir, name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (FileRole.Invalid, new FileHeader { Error = e.Message });
        }
        var (ok, error) = ShouldBuild(header, ctx);
        if (error != null) return (FileRole.Invalid, header with { Error = error });
        if (!ok) return (FileRole.Ignored, header);
        if (FileNameRules.IsTestFile(name)) return (FileRole.Test, header);
        if (header.PackageName == "documentation") return (FileRole.Documentation, header);
        if (header.ImportsC) return ctx.CgoEnabled ? (FileRole.Cgo, header) : (FileRole.Ignored, header);
        return (FileRole.Go, header);
    }

    /// <summary>
    /// Whether the header's constraints accept the context. A //go:build line decides alone (Go 1.17+);
    /// without one, every counted // +build line must be satisfied.
    /// </summary>
    public static (bool Ok, string? Error) ShouldBuild(FileHeader header, BuildContext ctx)
    {
        if (header.ConstraintError != null) return (false, header.ConstraintError);
        if (header.GoBuild != null)
        {
            var x = ConstraintParser.ParseGoBuild(header.GoBuild, out var error);
            return x is null ? (false, "parsing //go:build line: " + error) : (ctx.Eval(x), null);
        }
        foreach (var line in header.PlusBuild)
            if (!ctx.Eval(ConstraintParser.ParsePlusBuild(line))) return (false, null);
        return (true, null);
    }
}
