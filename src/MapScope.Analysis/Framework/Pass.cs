using MapScope.Semantics.Checking;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;
using Type = MapScope.Semantics.Types.Type;

namespace MapScope.Analysis.Framework;

/// <summary>
/// What an analyzer sees of one package: its parsed files, the type of every expression, the package's
/// objects, and a way to report. Shared results between analyzers go through <see cref="Facts"/>.
/// </summary>
public sealed class Pass(Analyzer analyzer, Checker checker, Severity severity, Action<Diagnostic> report, FactStore facts)
{
    public Analyzer Analyzer { get; } = analyzer;
    public Checker Checker { get; } = checker;
    public Package Package => Checker.Pkg;
    public IReadOnlyList<ParsedFile> Files => Checker.Files;
    public FactStore Facts { get; } = facts;

    /// <summary>The .mapscope.yml settings rules read beyond enabling (e.g. concurrency entry points); null in isolation.</summary>
    public Config.LintConfig? Config { get; init; }

    /// <summary>The type of a value expression; Unknown when it was not determined (then rules stay silent).</summary>
    public Type TypeOf(Expr e) => Checker.Types.TryGetValue(e, out var t) ? t : UnknownType.Instance;

    /// <summary>Whether e is certainly a map (its type, or its named type's underlying type, is a map).</summary>
    public bool IsMap(Expr e) => MapExpressions.IsMap(TypeOf(e));

    /// <summary>Reports a finding at a node of a file of this package.</summary>
    public void Report(ParsedFile file, Node at, string message, IReadOnlyList<SuggestedFix>? fixes = null)
    {
        var (line, col) = file.Lines.Position(at.Pos);
        var (endLine, endCol) = file.Lines.Position(at.End);
        report(new Diagnostic(Analyzer.Id, severity, file.Path, line, col, at.Pos, at.End, message) { Fixes = fixes ?? [], EndLine = endLine, EndColumn = endCol });
    }

    /// <summary>
    /// Reports a finding at its own severity rather than the rule's configured one — for findings a rule knows
    /// to be less serious than its usual case (never raised above what the user configured for the rule).
    /// </summary>
    public void Report(ParsedFile file, Node at, string message, Severity findingSeverity, IReadOnlyList<SuggestedFix>? fixes = null)
    {
        var (line, col) = file.Lines.Position(at.Pos);
        var (endLine, endCol) = file.Lines.Position(at.End);
        var s = findingSeverity < severity ? findingSeverity : severity;
        report(new Diagnostic(Analyzer.Id, s, file.Path, line, col, at.Pos, at.End, message) { Fixes = fixes ?? [], EndLine = endLine, EndColumn = endCol });
    }

    /// <summary>Reports a finding with the other places it involves (the other side of a race, the guarded accesses).</summary>
    public void Report(ParsedFile file, Node at, string message, IReadOnlyList<(ParsedFile File, Node At, string Message)> related)
    {
        var (line, col) = file.Lines.Position(at.Pos);
        var (endLine, endCol) = file.Lines.Position(at.End);
        var rel = related.Select(r => { var (l, c) = r.File.Lines.Position(r.At.Pos); return (r.File.Path, l, c, r.Message); }).ToList();
        report(new Diagnostic(Analyzer.Id, severity, file.Path, line, col, at.Pos, at.End, message) { EndLine = endLine, EndColumn = endCol, Related = rel });
    }

    public void Report(Diagnostic d) => report(d);
}

/// <summary>Results computed once per package and shared by analyzers (e.g. which maps are written under which lock).</summary>
public sealed class FactStore
{
    private readonly Dictionary<System.Type, object> _facts = [];

    /// <summary>Returns the fact of type T for this package, computing it on first request.</summary>
    public T Get<T>(Func<T> compute) where T : class
    {
        if (_facts.TryGetValue(typeof(T), out var f)) return (T)f;
        var value = compute();
        _facts[typeof(T)] = value;
        return value;
    }
}
