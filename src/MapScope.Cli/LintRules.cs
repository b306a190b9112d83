using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules;

namespace MapScope.Cli;

/// <summary>
/// The rules `mapscope lint` and `mapscope rules` use: RuleSet.All, unless a caller (a test, an embedding tool)
/// substitutes its own for the current async flow — test analyzers are never registered in RuleSet.
/// </summary>
public static class LintRules
{
    private static readonly AsyncLocal<IReadOnlyList<Analyzer>?> Override = new();

    public static IReadOnlyList<Analyzer> Current => Override.Value ?? RuleSet.All;

    /// <summary>Uses <paramref name="analyzers"/> until the returned scope is disposed.</summary>
    public static IDisposable Use(IReadOnlyList<Analyzer> analyzers)
    {
        var previous = Override.Value;
        Override.Value = analyzers;
        return new Scope(() => Override.Value = previous);
    }

    private sealed class Scope(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
