namespace MapScope.Analysis.Lint;

/// <summary>The lint run cannot start: bad options or configuration. The message is one line.</summary>
public sealed class LintException(string message) : Exception(message);
