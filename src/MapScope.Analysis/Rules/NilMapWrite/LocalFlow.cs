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
                var before = spoilers.Where(s => MayRunBefore(s, w.Index, t)).ToList();
                var branch = before.Count == 0 ? null : OnlyInSkippableIf(t, before, w);
                var decoder = before.Count == 0 || branch != null ? null : OnlyDecoded(t, before, field);
                if (before.Count > 0 && branch == null && decoder == null) continue;
                alreadyReported.Add(w.Index);
                var tt = branch != null ? t with { Why = $"{t.Why}, only the if at line {fn.File.Lines.Position(branch.Pos).Line} assigns it, and the path that skips it leaves it nil" }
                    : t;
                var target = GoAst.Text(fn.File, w.Map);
                pass.Report(fn.File, w.Index, decoder == null ? Message(tt, w, field)
                    : $"assignment to entry in nil map: {t.Var.Name} starts as a zero value and only {decoder} fills it, which leaves {target} nil when the input has no {field}, " +
                      $"and nothing checks or assigns {target} before this write, so it panics on such input — check it first: if {target} == nil {{ {target} = make({FieldTypes.Text(pass, t.Var.Type, field) ?? t.Fields![field]}) }}");
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

    /// <summary>
    /// The if statement (without else, its condition not mentioning the variable) that holds every spoiler,
    /// each of them `&m` handed to a call,
    /// when the write is a later statement of the same block: the path that skips the branch reaches the
    /// write with the map still nil (var m map...; if ok { json.Unmarshal(b, &m) }; m[k] = v).
    /// </summary>
    private IfStmt? OnlyInSkippableIf(Tracked t, List<Ident> spoilers, MapWrite w)
    {
        if (t.Kind != NilKind.Map || _parents.Of(w.Stmt) is not BlockStmt block) return null;
        if (Inside(w.Index, out _)) return null;
        foreach (var stmt in block.List)
        {
            if (stmt.Pos >= w.Stmt.Pos) break;
            if (stmt is not IfStmt { Else: null } ifs || ifs.Init != null && spoilers.Any(s => Contains(ifs.Init, s))) continue;
            if (!spoilers.All(s => Contains(ifs.Body, s) && !Inside(s, out _))) continue;
            // only the decoder shape (&m handed to a call): a plain assignment on one branch is often paired
            // with a write the same condition guards in ways the text does not show
            if (!spoilers.All(s => _parents.OfUnparen(s) is UnaryExpr { Op: Token.AND } u && _parents.OfUnparen(u) is CallExpr)) return null;
            if (Mentions(ifs.Cond, t.Var)) return null;
            // a loop around both would carry the branch's assignment into the next iteration
            if (_loops.Any(l => Contains(l, ifs) && !(l.Pos <= t.DeclEnd && t.DeclEnd <= l.End))) return null;
            return ifs;
        }
        return null;
    }

    /// <summary>
    /// The decoder when every spoiler is `&v` handed to a decoder call (json.Unmarshal(b, &v), dec.Decode(&v)),
    /// the type does not decode itself, and the function never compares v.field with nil.
    /// </summary>
    private string? OnlyDecoded(Tracked t, List<Ident> spoilers, string field)
    {
        if (t.Kind != NilKind.StructFields || field == "" || DecodedStructs.DecodesItself(t.Var.Type)) return null;
        string? name = null;
        foreach (var s in spoilers)
        {
            if (Inside(s, out _) || _parents.OfUnparen(s) is not UnaryExpr { Op: Token.AND } u || _parents.OfUnparen(u) is not CallExpr call
                || DecodedStructs.DecoderName(call) is not { } d) return null;
            name = d;
        }
        bool compared = false;
        Inspector.Inspect(fn.Body, n =>
        {
            if (n is BinaryExpr { Op: Token.EQL or Token.NEQ } b
                && (GoAst.Unparen(b.X) is SelectorExpr { Sel.Name: var x } && x == field || GoAst.Unparen(b.Y) is SelectorExpr { Sel.Name: var y } && y == field)) compared = true;
            return !compared;
        }, comments: false);
        return compared ? null : name;
    }

    private bool Mentions(Expr e, Var v)
    {
        bool found = false;
        Inspector.Inspect(e, n =>
        {
            if (n is Ident id && IsVar(id, v)) found = true;
            return !found;
        }, comments: false);
        return found;
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
