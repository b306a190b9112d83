namespace MapScope.Evidence.Escape;

/// <summary>
/// One escape-analysis statement with its flow, as printed by -m=2 or -json: the subject
/// ("make(map[string]int) escapes to heap", "parameter key leaks to {heap} with derefs=0") and the
/// steps that explain it ("flow: {heap} = m:" blocks of "from EXPR (REASON) at POS" lines).
/// </summary>
public sealed class EscapeExplanation(string package, SourcePosition position, string message)
{
    public string Package { get; } = package;
    public SourcePosition Position { get; } = position;
    /// <summary>The statement without its trailing ':' ("make(map[string]int) escapes to heap").</summary>
    public string Message { get; } = message;
    public List<FlowStep> Steps { get; } = [];

    /// <summary>"X" of "X escapes to heap", "parameter P" of "parameter P leaks to …", else the message.</summary>
    public string Subject => EscapeMessages.Subject(Message);
}

/// <summary>
/// "from EXPR (REASON) at POS" under a "flow: DESTINATION = SOURCE:" line. <see cref="Destination"/> is
/// "{heap}" for the heap, "~r0" for a result, or a variable name.
/// </summary>
public sealed record FlowStep(string Destination, string Expression, string Reason, SourcePosition? At);
