using MapScope.Analysis.Framework;
using MapScope.Semantics.Maps;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Analysis.Rules.Shared;

/// <summary>
/// Which map: a field of a struct type of this package (Owner = the type's name, Field = the field), or a
/// package-level variable (Owner = the variable, Field = ""). Every instance of the type counts as one map for
/// guard inference, as the lock that guards it is the same field of the same instance.
/// </summary>
internal readonly record struct MapKey(Object Owner, string Field)
{
    public bool Equals(MapKey other) => ReferenceEquals(Owner, other.Owner) && Field == other.Field;
    public override int GetHashCode() => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Owner), Field);
    public string Display => Field.Length == 0 ? Owner.Name : Owner.Name + "." + Field;
}

/// <summary>
/// One operation on a shared map with the guards held there. A guard is named relative to the struct that
/// holds the map ("rel:mu" is the mu field next to the map), or as a package-level mutex ("pkg:NAME@POS").
/// </summary>
internal sealed record GuardedAccess(MapKey Key, MapOperation Op, LockBody Body, LockRef Map, string BasePath, IReadOnlyDictionary<string, HoldMode> Guards, string Shape)
{
    /// <summary>The slots (LockRefs.Slot) of every lock held here, and the slot of each guard it holds.</summary>
    public IReadOnlySet<string> HeldSlots { get; init; } = new HashSet<string>();
    public IReadOnlyDictionary<string, string> GuardSlots { get; init; } = new Dictionary<string, string>();

    public ParsedFile File => Body.File;
    public int Line => File.Lines.Position(Op.At.Pos).Line;

    /// <summary>The guard as this access's code would name it: s.mu, mu.</summary>
    public string GuardDisplay(string guard, IReadOnlyDictionary<string, string> packageMutexNames)
    {
        if (guard.StartsWith("pkg:", StringComparison.Ordinal)) return packageMutexNames.TryGetValue(guard, out var n) ? n : guard[4..];
        var rel = guard[4..];
        var basePrefix = BasePath.Length == 0 ? Map.Root.Name : Map.Root.Name + "." + BasePath;
        if (guard.StartsWith("abs:", StringComparison.Ordinal)) return Map.Root.Name + "." + rel[(rel.IndexOf('#') + 1)..];
        // a struct that embeds its mutex is locked as itself: s.Lock()
        return rel.Length == 0 ? basePrefix + "'s lock" : basePrefix + "." + rel;
    }
}

/// <summary>Every operation on this package's shared maps (struct fields and package-level variables), with the guards held.</summary>
/// <summary>The package's guarded accesses and the display names of its package-level mutexes ("pkg:..." → "mu").</summary>
internal sealed record PackageAccesses(List<GuardedAccess> Accesses, IReadOnlyDictionary<string, string> MutexNames);

internal static class GuardedAccesses
{
    /// <summary>Computed once per package and shared by the rules that ask (through the pass's facts).</summary>
    public static PackageAccesses Of(Pass pass) => pass.Facts.Get(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return new PackageAccesses(Collect(pass, FuncLocks.Of(pass), new Ownership(pass), names), names);
    });

    private static List<GuardedAccess> Collect(Pass pass, FuncLocks locks, Ownership ownership, Dictionary<string, string> packageMutexNames)
    {
        var result = new List<GuardedAccess>();
        foreach (var body in locks.Bodies)
        {
            if (body.IsTest) continue; // tests poke internals single-threaded
            var decl = body.Outermost;
            if (decl.CallersUnknown || decl.AssumesLockHeld || body.AssumesLockHeld || body.InTransaction) continue;
            if (decl.Decl is { Recv: null, Name.Name: "init" }) continue;
            if (decl.Decl?.Name.Name is { } fn && (fn.Contains("ForTest", StringComparison.Ordinal) || fn.EndsWith("ForTesting", StringComparison.Ordinal))) continue;
            foreach (var op in MapOperations.Under(pass.Checker, body.Body, n => n is not FuncLit))
            {
                if (Identify(pass, op.Map) is not var (key, mapRef, basePath)) continue;
                if (!mapRef.Root.IsPackageLevel && ownership.IsOwned(decl.Decl, mapRef.Root)) continue;
                // a conditionally taken lock on this map's instance: unknown whether it guards this access
                if (locks.MaybeHeldAt(body, op.At.Pos).Any(l => ReferenceEquals(l.Root, mapRef.Root) || l.Root.IsPackageLevel)) continue;
                var guards = new Dictionary<string, HoldMode>();
                var held = locks.HeldAt(body, op.At.Pos);
                var slots = locks.SlotsAt(body, held) ?? new HashSet<string>(StringComparer.Ordinal);
                var guardSlots = new Dictionary<string, string>(StringComparer.Ordinal);
                var shape = ShapeOf(mapRef);
                foreach (var (lockRef, mode) in held)
                {
                    var slot = LockRefs.Slot(lockRef);
                    if (slot != null) slots.Add(slot);
                    if (GuardName(lockRef, mapRef, basePath, shape) is not { } g) continue;
                    guards[g] = mode;
                    if (slot != null) guardSlots[g] = slot;
                    if (g.StartsWith("pkg:", StringComparison.Ordinal)) packageMutexNames[g] = lockRef.Display;
                }
                result.Add(new GuardedAccess(key, op, body, mapRef, basePath, guards, shape) { HeldSlots = slots, GuardSlots = guardSlots });
            }
        }
        return result;
    }

    /// <summary>The shared map an expression denotes, the variable and path it is reached by, and the path of the struct holding it.</summary>
    public static (MapKey Key, LockRef Map, string BasePath)? Identify(Pass pass, Expr map)
    {
        if (LockRefs.Of(pass, map) is not { } mapRef) return null;
        if (mapRef.Path.Length == 0)
        {
            var v = mapRef.Root;
            return v.IsPackageLevel && ReferenceEquals(v.Pkg, pass.Package) ? (new MapKey(v, ""), mapRef, "") : null;
        }
        if (GoAst.Unparen(map) is not SelectorExpr sel) return null;
        var owner = pass.TypeOf(sel.X);
        if (owner is Pointer p) owner = p.Elem;
        if (owner is not Named n) return null;
        var tn = (n.Origin ?? n).Obj;
        if (!ReferenceEquals(tn.Pkg, pass.Package) || n.Underlying is not Struct st || !st.Fields.Any(f => f.Name == sel.Sel.Name)) return null;
        int dot = mapRef.Path.LastIndexOf('.');
        return (new MapKey(tn, sel.Sel.Name), mapRef, dot < 0 ? "" : mapRef.Path[..dot]);
    }

    /// <summary>The held lock as a guard of this map, or null when it cannot be related to the map's instance.</summary>
    /// <summary>The root's type and the path to the map: o.state.Pending from a *consumer is "consumer:state.Pending".</summary>
    private static string ShapeOf(LockRef mapRef)
    {
        var t = mapRef.Root.Type;
        if (t is Pointer p) t = p.Elem;
        return (t is Named n ? (n.Origin ?? n).Obj.Name : "?") + ":" + mapRef.Path;
    }

    private static string? GuardName(LockRef lockRef, LockRef mapRef, string basePath, string shape)
    {
        if (!ReferenceEquals(lockRef.Root, mapRef.Root))
            return lockRef.Root.IsPackageLevel ? $"pkg:{lockRef.Root.Name}@{lockRef.Root.Pos}:{lockRef.Path}" : null;
        if (basePath.Length == 0) return "rel:" + lockRef.Path;
        if (lockRef.Path == basePath) return "rel:";
        if (lockRef.Path.StartsWith(basePath + ".", StringComparison.Ordinal)) return "rel:" + lockRef.Path[(basePath.Length + 1)..];
        // a lock outside the struct holding the map (o.mu for o.state.Pending): it guards only maps reached the same way
        return $"abs:{shape}#{lockRef.Path}";
    }
}
