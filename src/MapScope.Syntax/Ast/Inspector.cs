namespace MapScope.Syntax.Ast;

/// <summary>Depth-first traversal in go/ast's Walk order, without recursion (trees may be deep).</summary>
public static class Inspector
{
    /// <summary>
    /// Calls <paramref name="visit"/> for each node in depth-first order, like ast.Inspect; when it returns
    /// false the node's children are skipped. Comments are visited only when <paramref name="comments"/> is set.
    /// </summary>
    public static void Inspect(Node? node, Func<Node, bool> visit, bool comments = true)
    {
        if (node == null) return;
        var stack = new Stack<Node>();
        var children = new List<Node>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!visit(n)) continue;
            children.Clear();
            Children(n, children, comments);
            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    /// <summary>Appends the direct children of <paramref name="node"/> in walk order.</summary>
    public static void Children(Node node, List<Node> into, bool comments = true)
    {
        void Add(Node? n)
        {
            if (n != null && (comments || n is not CommentGroup)) into.Add(n);
        }

        void AddAll<T>(List<T>? list) where T : Node
        {
            if (list == null) return;
            foreach (var n in list) Add(n);
        }

        switch (node)
        {
            case Comment: break;
            case CommentGroup g: AddAll(g.List); break;
            case Field f: Add(f.Doc); AddAll(f.Names); Add(f.Type); Add(f.Tag); Add(f.Comment); break;
            case FieldList fl: AddAll(fl.List); break;

            case BadExpr or Ident or BasicLit: break;
            case Ellipsis e: Add(e.Elt); break;
            case FuncLit fl: Add(fl.Type); Add(fl.Body); break;
            case CompositeLit c: Add(c.Type); AddAll(c.Elts); break;
            case ParenExpr p: Add(p.X); break;
            case SelectorExpr s: Add(s.X); Add(s.Sel); break;
            case IndexExpr i: Add(i.X); Add(i.Index); break;
            case IndexListExpr il: Add(il.X); AddAll(il.Indices); break;
            case SliceExpr s: Add(s.X); Add(s.Low); Add(s.High); Add(s.Max); break;
            case TypeAssertExpr t: Add(t.X); Add(t.Type); break;
            case CallExpr c: Add(c.Fun); AddAll(c.Args); break;
            case StarExpr s: Add(s.X); break;
            case UnaryExpr u: Add(u.X); break;
            case BinaryExpr b: Add(b.X); Add(b.Y); break;
            case KeyValueExpr kv: Add(kv.Key); Add(kv.Value); break;
            case ArrayType a: Add(a.Len); Add(a.Elt); break;
            case StructType st: Add(st.Fields); break;
            case FuncType ft: Add(ft.TypeParams); Add(ft.Params); Add(ft.Results); break;
            case InterfaceType it: Add(it.Methods); break;
            case MapType m: Add(m.Key); Add(m.Value); break;
            case ChanType ch: Add(ch.Value); break;

            case BadStmt: break;
            case DeclStmt d: Add(d.Decl); break;
            case EmptyStmt: break;
            case LabeledStmt l: Add(l.Label); Add(l.Stmt); break;
            case ExprStmt e: Add(e.X); break;
            case SendStmt s: Add(s.Chan); Add(s.Value); break;
            case IncDecStmt i: Add(i.X); break;
            case AssignStmt a: AddAll(a.Lhs); AddAll(a.Rhs); break;
            case GoStmt g: Add(g.Call); break;
            case DeferStmt d: Add(d.Call); break;
            case ReturnStmt r: AddAll(r.Results); break;
            case BranchStmt b: Add(b.Label); break;
            case BlockStmt b: AddAll(b.List); break;
            case IfStmt i: Add(i.Init); Add(i.Cond); Add(i.Body); Add(i.Else); break;
            case CaseClause c: AddAll(c.List); AddAll(c.Body); break;
            case SwitchStmt s: Add(s.Init); Add(s.Tag); Add(s.Body); break;
            case TypeSwitchStmt t: Add(t.Init); Add(t.Assign); Add(t.Body); break;
            case CommClause c: Add(c.Comm); AddAll(c.Body); break;
            case SelectStmt s: Add(s.Body); break;
            case ForStmt f: Add(f.Init); Add(f.Cond); Add(f.Post); Add(f.Body); break;
            case RangeStmt r: Add(r.Key); Add(r.Value); Add(r.X); Add(r.Body); break;

            case ImportSpec i: Add(i.Doc); Add(i.Name); Add(i.Path); Add(i.Comment); break;
            case ValueSpec v: Add(v.Doc); AddAll(v.Names); Add(v.Type); AddAll(v.Values); Add(v.Comment); break;
            case TypeSpec t: Add(t.Doc); Add(t.Name); Add(t.TypeParams); Add(t.Type); Add(t.Comment); break;
            case BadDecl: break;
            case GenDecl g: Add(g.Doc); AddAll(g.Specs); break;
            case FuncDecl f: Add(f.Doc); Add(f.Recv); Add(f.Name); Add(f.Type); Add(f.Body); break;
            case File file: Add(file.Doc); Add(file.Name); AddAll(file.Decls); break;
            default: throw new InvalidOperationException("unknown node " + node.GetType().Name);
        }
    }
}
