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
    public Joins.MapEntryPoint ToPublic() => new(
        Kind switch { EntryKind.Main => "main", EntryKind.Init => "init", EntryKind.GoStatement => "go", _ => "http" },
        Target.GoName,
        Kind is EntryKind.Main or EntryKind.Init || File is null || Offset < 0 ? null : File.RelativePath,
        File is { } f && Offset >= 0 ? f.LineOf(Offset) : 0);
}
