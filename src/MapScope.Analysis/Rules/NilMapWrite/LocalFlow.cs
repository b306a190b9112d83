using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>
/// Within one function: a write to a tracked variable is reported when no spoiling use of the variable can
/// run before it — none earlier in the text, none in a loop that contains the write (but not the declaration),
/// none in a closure; and, for a write inside a closure, none at all.
/// </summary>
internal sealed class LocalFlow(Pass pass, FuncBody fn)
{
    private readonly Parents _parents = new(fn.Body);
    private readonly List<Node> _loops = [];
    private readonly List<FuncLit> _closures = [];
    private bool _hasGoto;

    public void Check(List<Tracked> tracked, HashSet<IndexExpr> alreadyReported)
    {
        var uses = new Dictionary<Var, List<Ident>>(ReferenceEqualityComparer.Instance);
        foreach (var t in tracked) uses[t.Var] = [];
        Inspector.Inspect(fn.Body, n =>
        {
            switch (n)
            {
                case ForStmt or RangeStmt: _loops.Add(n); break;
                case FuncLit fl: _closures.Add(fl); break;
                case BranchStmt { Tok: Token.GOTO }: _hasGoto = true; break;
                case Ident id when pass.Checker.Uses.TryGetValue(id, out var o) && o is Var v && uses.TryGetValue(v, out var list):
                    list.Add(id);
                    break;
            }
            return true;
        }, comments: false);
        if (_hasGoto) return; // jumps backwards defeat textual order

        var writes = MapWrites.Under(pass, fn.Body, intoClosures: true);
        foreach (var t in tracked)
        {
            var spoilers = uses[t.Var].Where(u => Spoilers.Spoils(pass, t, u, _parents)).ToList();
            foreach (var w in writes)
            {
                if (w.Index.Pos < t.DeclEnd || alreadyReported.Contains(w.Index)) continue;
                if (WrittenVia(t, w) is not { } field) continue;
                if (spoilers.Any(s => MayRunBefore(s, w.Index, t))) continue;
                alreadyReported.Add(w.Index);
                pass.Report(fn.File, w.Index, Message(t, w, field));
            }
        }
    }

    /// <summary>"" when w writes the tracked map itself, the field name for t.f[k], null when w is about another map.</summary>
    private string? WrittenVia(Tracked t, MapWrite w)
    {
        var m = GoAst.Unparen(w.Map);
        switch (t.Kind)
        {
            case NilKind.Map when m is Ident id && IsVar(id, t.Var):
                return "";
            case NilKind.PointerToMap when m is StarExpr { X: var px } && GoAst.Unparen(px) is Ident pid && IsVar(pid, t.Var):
                return "";
            case NilKind.StructFields when m is SelectorExpr sel && GoAst.Unparen(sel.X) is Ident sid && IsVar(sid, t.Var) && t.Fields!.ContainsKey(sel.Sel.Name):
                return sel.Sel.Name;
            default:
                return null;
        }
    }

    private bool IsVar(Ident id, Var v) => pass.Checker.Uses.TryGetValue(id, out var o) && ReferenceEquals(o, v);

    private bool MayRunBefore(Ident spoiler, IndexExpr write, Tracked t)
    {
        if (Inside(write, out _)) return true; // the write runs later, in a closure: anything may have happened
        if (Inside(spoiler, out _)) return true;
        if (spoiler.Pos < write.Pos) return true;
        // a later spoiler in a loop around the write runs before the loop's next iteration
        return _loops.Any(l => Contains(l, write) && Contains(l, spoiler) && !(l.Pos <= t.DeclEnd && t.DeclEnd <= l.End));
    }

    private bool Inside(Node n, out FuncLit? closure)
    {
        closure = _closures.FirstOrDefault(c => Contains(c, n));
        return closure != null;
    }

    private static bool Contains(Node outer, Node inner) => outer.Pos <= inner.Pos && inner.End <= outer.End;

    private string Message(Tracked t, MapWrite w, string field)
    {
        var file = fn.File;
        var target = GoAst.Text(file, w.Map);
        return t.Kind switch
        {
            NilKind.Map =>
                $"assignment to entry in nil map: {t.Why} and nothing assigns {target} before this write, so it panics at run time — initialize it first, e.g. {target} = make({t.MapType})",
            NilKind.PointerToMap =>
                $"assignment to entry in nil map: {t.Why} and nothing assigns {target} before this write, so it panics at run time — use &{t.MapType}{{}} instead of new, or make({t.MapType})",
            _ =>
                $"assignment to entry in nil map: {t.Why} that leaves field {field} nil, and nothing assigns {target} before this write, so it panics at run time — initialize it, e.g. {field}: make({FieldTypes.Text(pass, t.Var.Type, field) ?? t.Fields![field]}) in the literal",
        };
    }
}
