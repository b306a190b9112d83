using MapScope.Analysis.Framework;

namespace MapScope.Analysis.Lint;

/// <summary>An analyzer (or the type checker, RuleId "type-check") that threw on a package; the run went on without it.</summary>
public sealed record InternalError(string RuleId, string Package, string Message)
{
    public override string ToString() => $"{RuleId} failed on {Package}: {Message}";
}

/// <summary>A rule that ran, with the severity its diagnostics got.</summary>
public sealed record ActiveRule(Analyzer Analyzer, Severity Severity);

/// <summary>
/// The outcome of a lint run. Diagnostics are sorted by file, line, column and rule, without duplicates,
/// with paths relative to the working directory (absolute when outside it). LoadErrors make the run
/// incomplete (exit 2): a pattern that matches nothing, go list failing, a linted package that does not
/// parse (syntax errors, invalid UTF-8, a file that cannot be read or is past the size limit) or that the
/// go command cannot build; Warnings are problems that leave the result complete as far as mapscope can
/// tell (imports that resolve nowhere); Notes say once what the user should know about the whole run.
/// </summary>
public sealed record LintResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<ActiveRule> Rules,
    IReadOnlyList<string> LoadErrors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<InternalError> InternalErrors,
    int Packages)
{
    /// <summary>One-line remarks that do not make the run fail: the loader fell back, N imports could not be resolved.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The folders of the linted packages (absolute), whose files the run read.</summary>
    public IReadOnlyList<string> PackageDirectories { get; init; } = [];
}
