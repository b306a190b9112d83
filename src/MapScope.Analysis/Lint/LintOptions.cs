using MapScope.Analysis.Config;
using MapScope.Analysis.Framework;

namespace MapScope.Analysis.Lint;

/// <summary>How packages are loaded: go list when the go command exists (Auto), always (Go), never (Directory).</summary>
public enum LoaderKind { Auto, Go, Directory }

/// <summary>Progress of a lint run: packages analyzed so far of the total, and the one just finished.</summary>
public readonly record struct LintProgress(int Done, int Total, string Package);

/// <summary>What `mapscope lint` was asked to do.</summary>
public sealed record LintOptions
{
    public required string WorkingDirectory { get; init; }

    /// <summary>go-command patterns; empty means ./...</summary>
    public IReadOnlyList<string> Patterns { get; init; } = [];

    public LoaderKind Loader { get; init; } = LoaderKind.Auto;

    /// <summary>Lint _test.go files too: a package with its in-package tests, and its external test package (default, as go vet).</summary>
    public bool Tests { get; init; } = true;

    /// <summary>Build tags, as the go command's -tags.</summary>
    public IReadOnlyList<string> BuildTags { get; init; } = [];

    /// <summary>Rule ids (or "all") to turn on / off on top of defaults and config; --disable wins over --enable for the same id.</summary>
    public IReadOnlyList<string> Enable { get; init; } = [];
    public IReadOnlyList<string> Disable { get; init; } = [];

    /// <summary>Diagnostics below this severity are dropped.</summary>
    public Severity MinimumSeverity { get; init; } = Severity.Info;

    /// <summary>The configuration; null finds .mapscope.yml by walking up from the working directory.</summary>
    public LintConfig? Config { get; init; }

    /// <summary>The analyzers to choose from; null means every rule of RuleSet.All (tests pass their own).</summary>
    public IReadOnlyList<Analyzer>? Analyzers { get; init; }

    /// <summary>The largest Go source file read; a larger one is a load error naming it.</summary>
    public long MaxFileBytes { get; init; } = MapScope.Syntax.Input.BoundedRead.DefaultMaxSourceBytes;

    /// <summary>Called after each package, from the worker threads (possibly concurrently, not in package order).</summary>
    public Action<LintProgress>? Progress { get; init; }
}
