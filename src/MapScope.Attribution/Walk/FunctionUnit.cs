using MapScope.Attribution.Source;
using MapScope.Syntax.Ast;

namespace MapScope.Attribution.Walk;

/// <summary>
/// A function body that runs as one frame: a FuncDecl, a FuncLit (closure), or the package's variable
/// initializers (<see cref="Node"/> null). <see cref="GoName"/> is the name a traceback or profile shows:
/// "main.writer", "main.(*Server).Open", "main.main.func1", "main.main.func1.1", "main.init".
/// </summary>
internal sealed class FunctionUnit
{
    public required string GoName { get; init; }
    public Node? Node { get; init; }
    public GoFile? File { get; init; }
    public FunctionUnit? Parent { get; init; }
    /// <summary>For methods: the receiver's base type name.</summary>
    public string? ReceiverType { get; init; }
    /// <summary>The declared name of a FuncDecl ("Open"), null for closures and initializers.</summary>
    public string? DeclName { get; init; }

    /// <summary>Units this one calls or may run in the same goroutine (plain calls, resolved methods, closures defined here).</summary>
    public List<FunctionUnit> Calls { get; } = [];
    public int ClosureCount { get; set; }

    public bool Contains(int offset) => Node is { } n && n.Pos <= offset && offset < n.End;

    public bool IsWithin(FunctionUnit other)
    {
        for (var u = this; u != null; u = u.Parent) if (u == other) return true;
        return false;
    }

    public override string ToString() => GoName;
}
