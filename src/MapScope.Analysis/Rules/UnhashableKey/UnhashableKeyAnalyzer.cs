using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;
using Type = MapScope.Semantics.Types.Type;

namespace MapScope.Analysis.Rules.UnhashableKey;

/// <summary>A key of a non-comparable type used with an interface-keyed map: "hash of unhashable type".</summary>
public sealed class UnhashableKeyAnalyzer : Analyzer
{
    public override string Id => "unhashable-key";
    public override string Title => "non-comparable value used as a map key";
    public override Severity DefaultSeverity => Severity.Error;

    public override string Doc => """
        A map whose key type is an interface (`map[any]V`, `map[fmt.Stringer]V`, or a struct/array key with an
        interface field) accepts any value as a key at compile time, but hashes it by its dynamic type at run time.
        Slices, maps and functions — and structs or arrays containing them — cannot be hashed: indexing, writing or
        deleting with such a key panics with `runtime error: hash of unhashable type []uint8`. The same holds for the
        keys of a `sync.Map`.

        This rule reports keys whose static type is already known not to be comparable, so the panic is certain
        whenever the line runs. Keys of interface type are never reported: their dynamic type is not known.

        Fix: use a comparable key — `string(b)` for a `[]byte`, an array instead of a slice, a struct of comparable
        fields, or a string built from the value (e.g. with `fmt.Sprint`).
        """;

    public override string BadExample => """
        seen := map[any]bool{}
        seen[[]byte("id")] = true // panic: runtime error: hash of unhashable type []uint8
        """;

    public override string GoodExample => """
        seen := map[any]bool{}
        seen[string([]byte("id"))] = true
        """;

    private static readonly HashSet<string> SyncMapKeyMethods =
        ["Load", "Store", "LoadOrStore", "LoadAndDelete", "Delete", "Swap", "CompareAndSwap", "CompareAndDelete"];

    public override void Run(Pass pass)
    {
        foreach (var file in pass.Files)
        {
            Inspector.Inspect(file.File, n =>
            {
                switch (n)
                {
                    case IndexExpr ix when pass.IsMap(ix.X) && pass.TypeOf(ix.X).Underlying is Map m:
                        Check(pass, file, ix.Index, m.Key, GoAst.Text(file, ix.X));
                        break;
                    case CallExpr { Args.Count: 2 } del when GoAst.IsBuiltinCall(pass, del, "delete") && pass.TypeOf(del.Args[0]).Underlying is Map dm
                                                              && pass.IsMap(del.Args[0]):
                        Check(pass, file, del.Args[1], dm.Key, GoAst.Text(file, del.Args[0]));
                        break;
                    case CompositeLit cl when pass.TypeOf(cl) is var lt && MapExpressions(lt) is { } lm:
                        foreach (var kv in cl.Elts.OfType<KeyValueExpr>()) Check(pass, file, kv.Key, lm.Key, "the map literal");
                        break;
                    case CallExpr { Fun: SelectorExpr sel, Args.Count: > 0 } call when SyncMapKeyMethods.Contains(sel.Sel.Name) && SyncTypes.Is(pass.TypeOf(sel.X), "Map"):
                        Check(pass, file, call.Args[0], AnyKey, GoAst.Text(file, sel.X) + " (a sync.Map)");
                        break;
                }
                return true;
            }, comments: false);
        }
    }

    private static readonly Interface AnyKey = new() { IsAny = true };

    private static Map? MapExpressions(Type t) => t is not UnknownType && t.Underlying is Map m ? m : null;

    private static void Check(Pass pass, ParsedFile file, Expr key, Type keyType, string mapText)
    {
        if (keyType is TypeParam || !Comparability.HashesDynamically(keyType)) return;
        if (Offender(pass, key, keyType, 0) is not { } bad) return;
        var (expr, type) = bad;
        var typeText = TypeString.Of(type);
        var exprText = GoAst.Text(file, expr);
        var hint = type.Underlying is Slice { Elem: Basic { Kind: BasicKind.Uint8 } } ? $", e.g. string({exprText})" : " (a string, an array, or a struct of comparable fields)";
        pass.Report(file, expr,
            $"{exprText} has type {typeText}, which is not comparable: using it in a key of {mapText} panics at run time " +
            $"(\"runtime error: hash of unhashable type\") — use a comparable key instead{hint}");
    }

    /// <summary>The part of key that the map will hash by its dynamic type while it is statically not comparable.</summary>
    private static (Expr, Type)? Offender(Pass pass, Expr key, Type target, int depth)
    {
        if (depth > 8) return null;
        key = GoAst.Unparen(key);
        switch (target.Underlying)
        {
            case Interface when target is not TypeParam:
                // any(x), fmt.Stringer(x): look through conversions to interfaces
                if (key is CallExpr { Args.Count: 1 } conv && pass.Checker.TypeExprs.Contains(GoAst.Unparen(conv.Fun)) && pass.TypeOf(conv).Underlying is Interface)
                    return Offender(pass, conv.Args[0], target, depth + 1);
                var t = pass.TypeOf(key);
                return Comparability.CertainlyNotComparable(t) ? (key, t) : null;
            case Struct st when key is CompositeLit sl:
                for (int i = 0; i < sl.Elts.Count; i++)
                {
                    Var? field = sl.Elts[i] is KeyValueExpr { Key: Ident fk } ? st.Fields.FirstOrDefault(f => f.Name == fk.Name) : i < st.Fields.Count ? st.Fields[i] : null;
                    var value = sl.Elts[i] is KeyValueExpr kv ? kv.Value : sl.Elts[i];
                    if (field != null && Offender(pass, value, field.Type, depth + 1) is { } found) return found;
                }
                return null;
            case Semantics.Types.Array at when key is CompositeLit al:
                foreach (var e in al.Elts)
                    if (Offender(pass, e is KeyValueExpr kv2 ? kv2.Value : e, at.Elem, depth + 1) is { } found2) return found2;
                return null;
            default:
                return null;
        }
    }
}
