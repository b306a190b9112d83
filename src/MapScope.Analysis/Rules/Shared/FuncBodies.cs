using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.Shared;

/// <summary>A function declaration or literal with a body, and the file it is in.</summary>
internal sealed record FuncBody(ParsedFile File, FuncType Type, BlockStmt Body, FuncDecl? Decl);

internal static class FuncBodies
{
    /// <summary>Every function body of the package, declarations and literals (a literal is also inside its enclosing body).</summary>
    public static IEnumerable<FuncBody> All(IReadOnlyList<ParsedFile> files)
    {
        var result = new List<FuncBody>();
        foreach (var file in files)
        {
            Inspector.Inspect(file.File, n =>
            {
                switch (n)
                {
                    case FuncDecl { Body: { } body } fd:
                        result.Add(new FuncBody(file, fd.Type, body, fd));
                        break;
                    case FuncLit fl:
                        result.Add(new FuncBody(file, fl.Type, fl.Body, null));
                        break;
                }
                return true;
            }, comments: false);
        }
        return result;
    }

    /// <summary>Inspects a body without entering function literals (they run at another time).</summary>
    public static void InspectOwn(Node root, Func<Node, bool> visit) =>
        Inspector.Inspect(root, n => n is FuncLit && !ReferenceEquals(n, root) ? false : visit(n), comments: false);
}
