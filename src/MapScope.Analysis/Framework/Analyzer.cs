namespace MapScope.Analysis.Framework;

public enum Severity { Info, Warning, Error }

/// <summary>
/// A lint rule, shaped like golang.org/x/tools/go/analysis: data (id, title, documentation with bad and
/// good examples, default severity) plus one function that inspects a package and reports diagnostics.
/// The rule's documentation page docs/rules/ID.md is generated from this metadata.
/// </summary>
public abstract class Analyzer
{
    /// <summary>kebab-case rule id, e.g. "nil-map-write".</summary>
    public abstract string Id { get; }

    /// <summary>One line: what the rule finds.</summary>
    public abstract string Title { get; }

    /// <summary>Why it matters and what happens at run time (Markdown paragraphs).</summary>
    public abstract string Doc { get; }

    /// <summary>Go code the rule reports.</summary>
    public abstract string BadExample { get; }

    /// <summary>The fixed or correct version.</summary>
    public abstract string GoodExample { get; }

    public virtual Severity DefaultSeverity => Severity.Warning;

    /// <summary>Off unless enabled in .mapscope.yml or with --enable (rules whose false positives are not yet under control).</summary>
    public virtual bool EnabledByDefault => true;

    /// <summary>Inspects one package and reports through <see cref="Pass.Report"/>.</summary>
    public abstract void Run(Pass pass);
}
