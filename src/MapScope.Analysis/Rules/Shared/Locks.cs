using MapScope.Analysis.Framework;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.Shared;

/// <summary>
/// A mutex as code names it: a variable and a field path below it (<c>s.mu</c> is s + "mu", <c>s.Lock()</c> on a
/// struct embedding a mutex is s + "", a package-level <c>mu</c> is mu + ""). Two references denote the same
/// mutex when root and path agree.
/// </summary>
internal readonly record struct LockRef(Var Root, string Path)
{
    public bool Equals(LockRef other) => ReferenceEquals(Root, other.Root) && Path == other.Path;
    public override int GetHashCode() => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Root), Path);

    /// <summary>As code would write it: "s.mu", "mu", "s" (a struct whose embedded mutex is locked).</summary>
    public string Display => Path.Length == 0 ? Root.Name : Root.Name + "." + Path;
}

/// <summary>How a mutex is held at a point: exclusively (Lock) or shared (RLock).</summary>
internal enum HoldMode { Shared, Exclusive }

/// <summary>A Lock/RLock/Unlock/RUnlock call in a function's own body.</summary>
internal readonly record struct LockEvent(int Pos, LockRef Lock, bool Acquire, HoldMode Mode);

internal static class LockRefs
{
    /// <summary>
    /// Which mutex field of which struct type the lock is, whatever variable reaches it: br.cacheLock and
    /// user.Bridge.cacheLock are both "Bridge.cacheLock" (a struct embedding its mutex: "Bridge."). Two locks in the
    /// same slot may be one mutex reached through different paths; null when a type on the way is unknown.
    /// </summary>
    public static string? Slot(LockRef r)
    {
        var t = r.Root.Type;
        var parts = r.Path.Length == 0 ? [] : r.Path.Split('.');
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (t is Pointer p) t = p.Elem;
            if (t.Underlying is not Struct st || st.Fields.FirstOrDefault(f => f.Name == parts[i]) is not { } field) return null;
            t = field.Type;
        }
        if (t is Pointer p2) t = p2.Elem;
        if (t is not Named n) return null;
        var owner = (n.Origin ?? n).Obj;
        return $"{owner.Pkg?.Path}.{owner.Name}.{(parts.Length == 0 ? "" : parts[^1])}";
    }

    /// <summary>
    /// The lock call a call expression is: x.Lock(), x.RLock(), x.Unlock(), x.RUnlock() on a sync mutex (or a
    /// struct embedding one) whose expression is a variable and a field path.
    /// </summary>
    public static (LockRef Lock, bool Acquire, HoldMode Mode)? LockCall(Pass pass, CallExpr call)
    {
        if (call is not { Fun: SelectorExpr sel, Args.Count: 0 }) return null;
        var name = sel.Sel.Name;
        if (name is not ("Lock" or "RLock" or "Unlock" or "RUnlock")) return null;
        if (!SyncTypes.IsLocker(pass.TypeOf(sel.X))) return null;
        if (Of(pass, sel.X) is not { } lockRef) return null;
        bool acquire = name is "Lock" or "RLock";
        var mode = name is "RLock" or "RUnlock" ? HoldMode.Shared : HoldMode.Exclusive;
        return (lockRef, acquire, mode);
    }

    /// <summary>The variable and field path of x, x.f, x.f.g, (*x).f — null for anything else (calls, index expressions).</summary>
    public static LockRef? Of(Pass pass, Expr e)
    {
        var parts = new List<string>();
        while (true)
        {
            e = GoAst.Unparen(e);
            switch (e)
            {
                case Ident id:
                    if (GoAst.ObjectOf(pass, id) is not Var v) return null;
                    parts.Reverse();
                    return new LockRef(v, string.Join('.', parts));
                case SelectorExpr s:
                    // pkg.Var: the package-level variable itself
                    if (GoAst.Unparen(s.X) is Ident pkg && GoAst.IsPackageName(pass, pkg))
                        return pass.Checker.Uses.TryGetValue(s.Sel, out var o) && o is Var pv && parts.Count == 0 ? new LockRef(pv, "") : null;
                    parts.Add(s.Sel.Name);
                    e = s.X;
                    break;
                case StarExpr st:
                    e = st.X;
                    break;
                default:
                    return null;
            }
        }
    }
}
