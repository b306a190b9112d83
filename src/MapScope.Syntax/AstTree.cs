using MapScope.Syntax.Ast;

namespace MapScope.Syntax;

/// <summary>
/// The human-readable tree of `mapscope ast --format tree`: one node per line, indented by depth, with
/// its line:column span and what distinguishes it (names, literal values, operators, tokens).
/// </summary>
public static class AstTree
{
    public static void Write(ParsedFile file, TextWriter output, string displayPath)
    {
        output.Write("== ");
        output.Write(displayPath);
        output.Write('\n');
        foreach (var e in file.Errors) output.Write($"error {file.Format(e)}\n");
        var depth = new Dictionary<Node, int> { [file.File] = 0 };
        Inspector.Inspect(file.File, n =>
        {
            int d = depth.TryGetValue(n, out var known) ? known : 0;
            output.Write(new string(' ', 2 * d));
            output.Write(n.GetType().Name);
            output.Write(' ');
            output.Write(Span(file, n));
            var detail = Detail(n);
            if (detail != null)
            {
                output.Write(' ');
                output.Write(detail);
            }
            output.Write('\n');
            foreach (var child in Children(n)) depth[child] = d + 1;
            return true;
        }, comments: false);
    }

    private static string Span(ParsedFile file, Node n)
    {
        if (n.Pos < 0) return "[-]";
        var (l1, c1) = file.Lines.Position(n.Pos);
        if (n.End < 0) return $"[{l1}:{c1}]";
        var (l2, c2) = file.Lines.Position(n.End);
        return $"[{l1}:{c1}-{l2}:{c2}]";
    }

    private static List<Node> Children(Node n)
    {
        var list = new List<Node>();
        Inspector.Children(n, list, comments: false);
        return list;
    }

    private static string? Detail(Node n) => n switch
    {
        Ident id => id.Name,
        BasicLit lit => $"{lit.Kind} {lit.Value}",
        BinaryExpr b => b.Op.Spelling(),
        UnaryExpr u => u.Op.Spelling(),
        AssignStmt a => a.Tok.Spelling(),
        IncDecStmt i => i.Tok.Spelling(),
        BranchStmt b => b.Tok.Spelling(),
        GenDecl g => g.Tok.Spelling(),
        RangeStmt { Tok: not Token.ILLEGAL } r => r.Tok.Spelling(),
        ChanType c => c.Dir switch { ChanDir.Send => "chan<-", ChanDir.Recv => "<-chan", _ => "chan" },
        TypeSpec { Assign: >= 0 } => "alias",
        SliceExpr { Slice3: true } => "3-index",
        CallExpr { EllipsisPos: >= 0 } => "...",
        _ => null,
    };
}
