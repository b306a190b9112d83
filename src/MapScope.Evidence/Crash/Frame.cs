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

    /// <summary>
    /// True for functions of the standard library's maps package ("maps.Clone[...]", "maps.Copy[...]",
    /// "maps.Keys[...].func1"): generic helpers whose loop or clone is where the runtime notices a race
    /// (Go 1.24 prints maps.Clone[...] in GOROOT/src/maps/maps.go above its caller), but the map they were
    /// handed is the caller's. Other packages' paths have a dot or a slash before their name, so the
    /// prefix "maps." names the standard package only.
    /// </summary>
    public bool IsMapLibrary => Function.StartsWith("maps.", StringComparison.Ordinal);

    /// <summary>A frame that can be the code to blame for a crash: neither runtime nor the maps package.</summary>
    public bool IsUserCode => !IsRuntime && !IsMapLibrary;

    /// <summary>
    /// True for a standard-library frame ("sync.(*Mutex).Lock", "internal/sync.runtime_SemacquireMutex",
    /// "net/http.(*conn).serve", "syscall.Kill"): the first element of its import path is one of the
    /// standard library's top-level packages (a fixed list, so a module named "myapp" is never mistaken for it).
    /// </summary>
    public bool IsStandardLibrary
    {
        get
        {
            var f = Function.AsSpan();
            // "net/http.(*conn).serve": the first path element; "sync.(*Mutex).Lock": the package before the dot.
            // A first element with a dot is a module host ("go.opentelemetry.io/…"), never the standard library.
            int slash = f.IndexOf('/');
            var first = slash >= 0 ? f[..slash] : f[..Math.Max(0, f.IndexOf('.'))];
            if (first.IsEmpty || first.Contains('.')) return false;
            var alternate = StandardTopLevel.GetAlternateLookup<ReadOnlySpan<char>>();
            return alternate.Contains(first);
        }
    }

    /// <summary>The top-level directories of GOROOT/src that hold importable packages (Go 1.19–1.25), and "vendor" for std's vendored copies.</summary>
    private static readonly HashSet<string> StandardTopLevel = new(StringComparer.Ordinal)
    {
        "archive", "bufio", "builtin", "bytes", "cmp", "compress", "container", "context", "crypto", "database",
        "debug", "embed", "encoding", "errors", "expvar", "flag", "fmt", "go", "hash", "html", "image", "index",
        "internal", "io", "iter", "log", "maps", "math", "mime", "net", "os", "path", "plugin", "reflect", "regexp",
        "runtime", "slices", "sort", "strconv", "strings", "structs", "sync", "syscall", "testing", "text", "time",
        "unicode", "unique", "unsafe", "weak", "arena", "vendor",
    };

    /// <summary>User code outside the standard library: the frame a reader of a dump looks for first.</summary>
    public bool IsApplicationCode => IsUserCode && !IsStandardLibrary;
}
