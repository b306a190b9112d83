using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>
/// Writes to a map field x.f[k] through the receiver or a parameter (a value built elsewhere) of a struct
/// type of this package, when the package itself shows a way for f to be nil there and the writing function neither
/// checks x.f against nil nor assigns it:
/// - the constructor gap: a literal of the type makes other map fields but not f, and nothing in the package
///   (outside tests) ever sets f;
/// - the reset: some code sets x.f = nil and nothing in the package ever makes f again;
/// - the emptiness guard: the write sits under `if len(x.f) == 0` (or `x.f == nil`) without assigning x.f,
///   and the type's values can lack f (a literal that omits it, or a decodable type whose f is unexported).
/// </summary>
internal static class FieldPaths
{
    public static void Check(Pass pass, HashSet<IndexExpr> reported)
    {
        FieldAssignments? facts = null;
        foreach (var file in pass.Files)
        {
            Parents? parents = null;
            foreach (var w in MapWrites.Under(pass, file.File, intoClosures: true))
            {
                if (reported.Contains(w.Index) || GoAst.Unparen(w.Map) is not SelectorExpr sel) continue;
                if (OwnStruct(pass, sel.X) is not { } owner) continue;
                var field = owner.Struct.Fields.FirstOrDefault(f => f.Name == sel.Sel.Name);
                if (field == null || field.Embedded || !NilSources.MapTypeOf(field.Type)) continue;
                facts ??= new FieldAssignments(pass);
                parents ??= new Parents(file.File);
                var fn = EnclosingFunc(parents, w.Index, file);
                if (fn == null || !ReceiverOrParam(pass, fn, sel.X)) continue;
                var why = Guarded(pass, parents, fn, sel, w.Index, owner, field.Name, facts)
                          ?? (ChecksOrAssigns(pass, fn, sel) ? null : Gap(pass, owner, field.Name, facts) ?? Reset(pass, owner, fn, field.Name, facts));
                if (why == null) continue;
                reported.Add(w.Index);
                var typeText = FieldTypes.Text(pass, owner.Named, field.Name) ?? TypeString.Of(field.Type);
                pass.Report(file, w.Index,
                    $"assignment to entry in nil map: {why}, so {GoAst.Text(file, w.Map)} can be nil here and this write panics at run time — " +
                    $"check it first (if {GoAst.Text(file, w.Map)} == nil {{ {GoAst.Text(file, w.Map)} = make({typeText}) }}) or make it wherever {owner.Named.Obj.Name} is built");
            }
        }
    }

    /// <summary>The constructor gap: why f is nil in every value the package builds, or null.</summary>
    private static string? Gap(Pass pass, (Named Named, Struct Struct) owner, string field, FieldAssignments facts)
    {
        if (facts.Assigned.Contains(field) || facts.SetByLiteral.Contains(field)) return null;
        foreach (var (file, lit, type) in facts.Literals)
        {
            if (!ReferenceEquals(type.Obj, owner.Named.Obj)) continue;
            var made = owner.Struct.Fields.Where(f => f.Name != field && NilSources.MapTypeOf(f.Type) && FieldAssignments.SetsNonNilMap(pass, lit, f.Name)).Select(f => f.Name).ToList();
            if (made.Count == 0) continue;
            return $"the literal of {owner.Named.Obj.Name} at {Where(file, lit)} makes map field{(made.Count > 1 ? "s" : "")} {string.Join(", ", made)} but not {field}, and nothing in the package sets {field}";
        }
        return null;
    }

    /// <summary>The reset: x.f = nil elsewhere and never made again.</summary>
    private static string? Reset(Pass pass, (Named Named, Struct Struct) owner, FuncNode fn, string field, FieldAssignments facts)
    {
        if (facts.Assigned.Contains(field) || !facts.ResetToNil.TryGetValue(field, out var resets)) return null;
        foreach (var r in resets)
        {
            if (!ReferenceEquals(r.Owner, owner.Named.Obj) || r.At.Pos >= fn.Body.Pos && r.At.End <= fn.Body.End && ReferenceEquals(r.File.File, fn.File)) continue;
            // the reset moved the value to another state (m.instruments = nil with m.delegate = d), and this function
            // tests that state before writing (if m.delegate != nil { return ... }): the write runs only before the reset
            if (r.Companions.Count > 0 && TestsField(fn, r.Companions)) continue;
            return $"{GoAst.Text(r.File, r.At)} at {Where(r.File, r.At)} resets it and nothing in the package makes {field} again";
        }
        return null;
    }

    /// <summary>Whether an if or switch condition of the function reads one of the fields (x.delegate != nil, x.state == done).</summary>
    private static bool TestsField(FuncNode fn, IReadOnlySet<string> fields)
    {
        bool found = false;
        Inspector.Inspect(fn.Body, n =>
        {
            if (found) return false;
            Expr? cond = n switch { IfStmt i => i.Cond, SwitchStmt { Tag: { } t } => t, _ => null };
            if (cond != null)
                Inspector.Inspect(cond, c =>
                {
                    if (c is SelectorExpr s && fields.Contains(s.Sel.Name)) found = true;
                    return !found;
                }, comments: false);
            return true;
        }, comments: false);
        return found;
    }

    /// <summary>The emptiness guard: `if len(x.f) == 0 { ... x.f[k] = v }` with no assignment of x.f in between.</summary>
    private static string? Guarded(Pass pass, Parents parents, FuncNode fn, SelectorExpr sel, IndexExpr write, (Named Named, Struct Struct) owner, string field, FieldAssignments facts)
    {
        for (Node? n = parents.Of(write); n != null && !ReferenceEquals(n, fn.Body); n = parents.Of(n))
        {
            if (n is not IfStmt ifs || !(ifs.Body.Pos <= write.Pos && write.End <= ifs.Body.End)) continue;
            var kind = GuardKind(pass, ifs.Cond, sel);
            if (kind == null) continue;
            if (AssignedBetween(pass, ifs.Body, sel, write.Pos)) return null;
            if (kind == "nil") return $"the write sits under `if {GoAst.Text(fn.ParsedFile, ifs.Cond)}` and nothing assigns {field} first";
            if (facts.Assigned.Contains(field)) return null;
            var evidence = NilEvidence(pass, owner, field, facts);
            return evidence == null ? null : $"the write sits under `if {GoAst.Text(fn.ParsedFile, ifs.Cond)}`, which is also true for a nil map, and nothing assigns {field} first; {evidence}";
        }
        return null;
    }

    private static string? GuardKind(Pass pass, Expr cond, SelectorExpr sel)
    {
        if (GoAst.Unparen(cond) is not BinaryExpr { Op: Token.EQL } b) return null;
        var (x, y) = (GoAst.Unparen(b.X), GoAst.Unparen(b.Y));
        if (y is Ident { Name: "nil" } && GoAst.SameVariable(pass, x, sel)) return "nil";
        if (x is CallExpr { Args: [var arg] } len && GoAst.IsBuiltinCall(pass, len, "len") && GoAst.SameVariable(pass, arg, sel)
            && y is BasicLit { Value: "0" }) return "len";
        return null;
    }

    private static string? NilEvidence(Pass pass, (Named Named, Struct Struct) owner, string field, FieldAssignments facts)
    {
        foreach (var (file, lit, type) in facts.Literals)
            if (ReferenceEquals(type.Obj, owner.Named.Obj) && !lit.Elts.OfType<KeyValueExpr>().Any(kv => kv.Key is Ident { Name: var k } && k == field))
                return $"the literal at {Where(file, lit)} leaves it nil";
        if (!char.IsUpper(field[0]) && owner.Struct.Tags.Any(t => t != null && (t.Contains("json:", StringComparison.Ordinal) || t.Contains("yaml:", StringComparison.Ordinal))))
            return $"{owner.Named.Obj.Name} is decoded (its fields carry json/yaml tags) and a decoder never sets the unexported {field}";
        return null;
    }

    private static bool AssignedBetween(Pass pass, BlockStmt body, SelectorExpr sel, int before)
    {
        bool found = false;
        Inspector.Inspect(body, n =>
        {
            if (found || n.Pos >= before) return false;
            if (n is AssignStmt a && a.Lhs.Any(l => GoAst.SameVariable(pass, l, sel))) found = true;
            if (n is UnaryExpr { Op: Token.AND } u && GoAst.SameVariable(pass, u.X, sel)) found = true;
            return true;
        }, comments: false);
        return found;
    }

    /// <summary>Whether the function compares x.f with nil, assigns x.f (any value of the field's name), or takes its address.</summary>
    private static bool ChecksOrAssigns(Pass pass, FuncNode fn, SelectorExpr sel)
    {
        bool found = false;
        Inspector.Inspect(fn.Body, n =>
        {
            if (found) return false;
            switch (n)
            {
                case BinaryExpr { Op: Token.EQL or Token.NEQ } b when GoAst.Unparen(b.X) is SelectorExpr bs && bs.Sel.Name == sel.Sel.Name
                                                                     || GoAst.Unparen(b.Y) is SelectorExpr bs2 && bs2.Sel.Name == sel.Sel.Name:
                    found = true;
                    break;
                case AssignStmt a when a.Lhs.Any(l => GoAst.Unparen(l) is SelectorExpr ls && ls.Sel.Name == sel.Sel.Name):
                    found = true;
                    break;
                case UnaryExpr { Op: Token.AND } u when GoAst.Unparen(u.X) is SelectorExpr us && us.Sel.Name == sel.Sel.Name:
                    found = true;
                    break;
            }
            return true;
        }, comments: false);
        return found;
    }

    /// <summary>x is the receiver or a parameter of the declared function: its value was built somewhere else.</summary>
    private static bool ReceiverOrParam(Pass pass, FuncNode fn, Expr x)
    {
        if (GoAst.Unparen(x) is not Ident id || GoAst.ObjectOf(pass, id) is not Var v) return false;
        foreach (var list in new[] { fn.Decl.Recv, fn.Decl.Type.Params })
            foreach (var f in list?.List ?? [])
                foreach (var n in f.Names ?? [])
                    if (ReferenceEquals(GoAst.ObjectOf(pass, n), v)) return true;
        return false;
    }

    private sealed record FuncNode(FuncDecl Decl, BlockStmt Body, ParsedFile ParsedFile)
    {
        public Syntax.Ast.File File => ParsedFile.File;
    }

    /// <summary>The declared function around n (a closure's writes belong to the function that holds it).</summary>
    private static FuncNode? EnclosingFunc(Parents parents, Node n, ParsedFile file)
    {
        for (var p = parents.Of(n); p != null; p = parents.Of(p))
            if (p is FuncDecl { Body: { } b } fd) return new FuncNode(fd, b, file);
        return null;
    }

    private static string Where(ParsedFile file, Node n) => $"{Path.GetFileName(file.Path)}:{file.Lines.Position(n.Pos).Line}";

    private static (Named Named, Struct Struct)? OwnStruct(Pass pass, Expr x)
    {
        var t = pass.TypeOf(x);
        if (t is Pointer p) t = p.Elem;
        if (t is not Named n || n.Obj.Pkg?.Path != pass.Package.Path || n.Underlying is not Struct st) return null;
        return (n, st);
    }
}
