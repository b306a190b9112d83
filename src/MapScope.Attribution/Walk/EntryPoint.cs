using MapScope.Attribution.Source;

namespace MapScope.Attribution.Walk;

/// <summary>How a goroutine starts running package code.</summary>
public enum EntryKind
{
    /// <summary>main.main, on the main goroutine.</summary>
    Main,
    /// <summary>Package initialization (var initializers, init functions).</summary>
    Init,
    /// <summary>A go statement.</summary>
    GoStatement,
    /// <summary>An HTTP handler: a ServeHTTP method or a function registered with HandleFunc / HandlerFunc.</summary>
    HttpHandler,
}

/// <summary>A goroutine entry point: what it runs (<see cref="Target"/>) and where it is started or registered.</summary>
internal sealed record EntryPoint(EntryKind Kind, FunctionUnit Target, GoFile? File, int Offset)
{
    public string Describe()
    {
        var at = File is { } f && Offset >= 0 ? $" at {f.RelativePath}:{f.LineOf(Offset)}" : "";
        return Kind switch
        {
            EntryKind.Main => $"main goroutine ({Target.GoName})",
            EntryKind.Init => $"package initialization ({Target.GoName})",
            EntryKind.GoStatement => $"go {Target.GoName}{at}",
            _ => $"HTTP handler {Target.GoName}{at}",
        };
    }
}
