using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.Shared;

/// <summary>Child -> parent links for a subtree (the AST has no parent pointers).</summary>
internal sealed class Parents
{
    private readonly Dictionary<Node, Node> _parent = new(ReferenceEqualityComparer.Instance);

    public Parents(Node root)
    {
        var children = new List<Node>();
        var stack = new Stack<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            children.Clear();
            Inspector.Children(n, children, comments: false);
            foreach (var c in children)
            {
                _parent[c] = n;
                stack.Push(c);
            }
        }
    }

    public Node? Of(Node n) => _parent.TryGetValue(n, out var p) ? p : null;

    /// <summary>The parent, skipping parentheses.</summary>
    public Node? OfUnparen(Node n)
    {
        var p = Of(n);
        while (p is ParenExpr) p = Of(p);
        return p;
    }
}
