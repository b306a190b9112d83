using MapScope.Analysis.Framework;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;
using Type = MapScope.Semantics.Types.Type;

namespace MapScope.Analysis.Rules.Shared;

/// <summary>Recognizes the sync package's types (through one pointer) and lock calls.</summary>
internal static class SyncTypes
{
    public static bool Is(Type t, string name)
    {
        if (t is Pointer p) t = p.Elem;
        return t is Named n && n.Obj.Name == name && n.Obj.Pkg?.Path == "sync";
    }

    public static bool IsMutex(Type t) => Is(t, "Mutex") || Is(t, "RWMutex");

    /// <summary>A sync.Mutex or RWMutex, or a struct that embeds one (its Lock is promoted).</summary>
    public static bool IsLocker(Type t)
    {
        if (IsMutex(t)) return true;
        if (t is Pointer p) t = p.Elem;
        return t.Underlying is Struct st && st.Fields.Any(f => f.Embedded && IsMutex(f.Type));
    }

    /// <summary>Positions of x.Lock() calls (exclusive locks) under root, closures included.</summary>
    public static List<int> LockCalls(Pass pass, Node root)
    {
        var result = new List<int>();
        Inspector.Inspect(root, n =>
        {
            if (n is CallExpr { Fun: SelectorExpr { Sel.Name: "Lock" } sel, Args.Count: 0 } call && IsLocker(pass.TypeOf(sel.X))) result.Add(call.Pos);
            return true;
        }, comments: false);
        return result;
    }
}
