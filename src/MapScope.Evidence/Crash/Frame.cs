namespace MapScope.Evidence.Crash;

/// <summary>
/// One stack frame of a goroutine: the function as the traceback names it ("main.(*T).Add",
/// "runtime.mapassign_fast64"), and the file and line it was at. <see cref="Line"/> is 0 when the file
/// line was missing (a truncated dump).
/// </summary>
public readonly record struct Frame(string Function, string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{Function} {File}:{Line}" : Function;

    /// <summary>
    /// True for frames of the runtime and of runtime-internal packages (and the "panic" pseudo-frame),
    /// which are never the code to blame. Linknamed map operations outside the runtime
    /// ("reflect.mapassign", "maps.clone") count as runtime too.
    /// </summary>
    public bool IsRuntime =>
        Function.StartsWith("runtime.", StringComparison.Ordinal)
        || Function.StartsWith("internal/runtime/", StringComparison.Ordinal)
        || Function.StartsWith("runtime/internal/", StringComparison.Ordinal)
        || Function == "panic"
        || Function.StartsWith("reflect.map", StringComparison.Ordinal)
        || Function == "maps.clone";
}
