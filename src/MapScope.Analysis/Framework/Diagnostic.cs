namespace MapScope.Analysis.Framework;

/// <summary>A text edit: replace bytes [Start, End) of File with NewText.</summary>
public sealed record TextEdit(string File, int Start, int End, string NewText);

/// <summary>A mechanical fix for a diagnostic.</summary>
public sealed record SuggestedFix(string Message, IReadOnlyList<TextEdit> Edits);

/// <summary>
/// One finding: a rule id, a position (file, 1-based line and column, byte offsets), a message that says
/// what will happen at run time and how to fix it, and optional fixes and related positions.
/// </summary>
public sealed record Diagnostic(
    string RuleId,
    Severity Severity,
    string File,
    int Line,
    int Column,
    int Offset,
    int EndOffset,
    string Message)
{
    public IReadOnlyList<SuggestedFix> Fixes { get; init; } = [];

    /// <summary>1-based line and column of EndOffset; 0 when unknown (the lint runner fills them in from the file).</summary>
    public int EndLine { get; init; }
    public int EndColumn { get; init; }

    /// <summary>Other places the message refers to (e.g. the other writer of a map).</summary>
    public IReadOnlyList<(string File, int Line, int Column, string Message)> Related { get; init; } = [];
}
