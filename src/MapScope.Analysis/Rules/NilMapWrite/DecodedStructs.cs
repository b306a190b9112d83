using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>
/// A local struct variable that only a decoder fills: every use is a field read or `&v` handed to a call
/// named like a decoder (json.Unmarshal(b, &v), dec.Decode(&v), yaml.Unmarshal...). A decoder sets a map
/// field only when the input carries it, so the field may still be nil afterwards.
/// </summary>
internal static class DecodedStructs
{
    /// <summary>The decoder call's text when v is filled only by decoders and nothing assigns field; null otherwise.</summary>
    public static string? OnlyDecoded(Pass pass, BlockStmt body, Var v, string field)
    {
        var parents = new Parents(body);
        string? decoder = null;
        bool ok = true;
        Inspector.Inspect(body, n =>
        {
            if (!ok) return false;
            if (n is not Ident id || !pass.Checker.Uses.TryGetValue(id, out var o) || !ReferenceEquals(o, v)) return true;
            Expr self = id;
            while (parents.Of(self) is ParenExpr pe) self = pe;
            switch (parents.Of(self))
            {
                case SelectorExpr sel when ReferenceEquals(sel.X, self):
                    Expr ss = sel;
                    while (parents.Of(ss) is ParenExpr spe) ss = spe;
                    var up = parents.Of(ss);
                    if (sel.Sel.Name == field && (up is AssignStmt a && a.Lhs.Any(l => ReferenceEquals(l, ss)) || up is UnaryExpr { Op: Token.AND })) ok = false;
                    if (pass.TypeOf(sel) is Signature) ok = false; // a method may set anything
                    break;
                case UnaryExpr { Op: Token.AND } addr when parents.Of(addr) is CallExpr call && call.Args.Any(x => ReferenceEquals(x, addr)) && DecoderName(call) is { } name:
                    decoder = name;
                    break;
                default:
                    ok = false;
                    break;
            }
            return true;
        }, comments: false);
        return ok ? decoder : null;
    }

    /// <summary>Whether the type (or its pointer) decodes itself (UnmarshalJSON, UnmarshalYAML, Decode...): it may make its maps.</summary>
    public static bool DecodesItself(Semantics.Types.Type t)
    {
        if (t is Pointer p) t = p.Elem;
        return t is not Named n || n.Methods.Any(m => m.Name.StartsWith("Unmarshal", StringComparison.Ordinal) || m.Name.StartsWith("Decode", StringComparison.Ordinal));
    }

    public static string? DecoderName(CallExpr call)
    {
        var name = GoAst.Unparen(call.Fun) switch
        {
            SelectorExpr s => s.Sel.Name,
            Ident i => i.Name,
            _ => null,
        };
        return name is "Unmarshal" or "Decode" or "UnmarshalJSON" or "UnmarshalYAML" or "UnmarshalStrict" ? name + "(&...)" : null;
    }
}
