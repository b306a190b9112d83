namespace MapScope.Syntax.Ast;

/// <summary>Depth-first traversal in go/ast's Walk order.</summary>
public static class Inspector
{
    /// <summary>
    /// Calls <paramref name="visit"/> for each node in depth-first order, like ast.Inspect; when it returns
    /// false the node's children are skipped. Comments are visited only when <paramref name="comments"/> is set.
    /// </summary>
    public static void Inspect(Node? node, Func<Node, bool> visit, bool comments = true)
    {
        if (node == null || !visit(node)) return;
        var w = new Walker(visit, comments);
        w.Children(node);
    }

    private readonly struct Walker(Func<Node, bool> visit, bool comments)
    {
        private void Walk(Node? n)
        {
            if (n == null) return;
            if (!comments && n is CommentGroup) return;
            if (visit(n)) Children(n);
        }

        private void List<T>(List<T>? list) where T : Node
        {
            if (list == null) return;
            foreach (var n in list) Walk(n);
        }

        public void Children(Node node)
        {
            switch (node)
            {
                case Comment: break;
                case CommentGroup g: List(g.List); break;
                case Field f: Walk(f.Doc); List(f.Names); Walk(f.Type); Walk(f.Tag); Walk(f.Comment); break;
                case FieldList fl: List(fl.List); break;

                case BadExpr or Ident or BasicLit: break;
                case Ellipsis e: Walk(e.Elt); break;
                case FuncLit fl: Walk(fl.Type); Walk(fl.Body); break;
                case CompositeLit c: Walk(c.Type); List(c.Elts); break;
                case ParenExpr p: Walk(p.X); break;
                case SelectorExpr s: Walk(s.X); Walk(s.Sel); break;
                case IndexExpr i: Walk(i.X); Walk(i.Index); break;
                case IndexListExpr il: Walk(il.X); List(il.Indices); break;
                case SliceExpr s: Walk(s.X); Walk(s.Low); Walk(s.High); Walk(s.Max); break;
                case TypeAssertExpr t: Walk(t.X); Walk(t.Type); break;
                case CallExpr c: Walk(c.Fun); List(c.Args); break;
                case StarExpr s: Walk(s.X); break;
                case UnaryExpr u: Walk(u.X); break;
                case BinaryExpr b: Walk(b.X); Walk(b.Y); break;
                case KeyValueExpr kv: Walk(kv.Key); Walk(kv.Value); break;
                case ArrayType a: Walk(a.Len); Walk(a.Elt); break;
                case StructType st: Walk(st.Fields); break;
                case FuncType ft: Walk(ft.TypeParams); Walk(ft.Params); Walk(ft.Results); break;
                case InterfaceType it: Walk(it.Methods); break;
                case MapType m: Walk(m.Key); Walk(m.Value); break;
                case ChanType ch: Walk(ch.Value); break;

                case BadStmt: break;
                case DeclStmt d: Walk(d.Decl); break;
                case EmptyStmt: break;
                case LabeledStmt l: Walk(l.Label); Walk(l.Stmt); break;
                case ExprStmt e: Walk(e.X); break;
                case SendStmt s: Walk(s.Chan); Walk(s.Value); break;
                case IncDecStmt i: Walk(i.X); break;
                case AssignStmt a: List(a.Lhs); List(a.Rhs); break;
                case GoStmt g: Walk(g.Call); break;
                case DeferStmt d: Walk(d.Call); break;
                case ReturnStmt r: List(r.Results); break;
                case BranchStmt b: Walk(b.Label); break;
                case BlockStmt b: List(b.List); break;
                case IfStmt i: Walk(i.Init); Walk(i.Cond); Walk(i.Body); Walk(i.Else); break;
                case CaseClause c: List(c.List); List(c.Body); break;
                case SwitchStmt s: Walk(s.Init); Walk(s.Tag); Walk(s.Body); break;
                case TypeSwitchStmt t: Walk(t.Init); Walk(t.Assign); Walk(t.Body); break;
                case CommClause c: Walk(c.Comm); List(c.Body); break;
                case SelectStmt s: Walk(s.Body); break;
                case ForStmt f: Walk(f.Init); Walk(f.Cond); Walk(f.Post); Walk(f.Body); break;
                case RangeStmt r: Walk(r.Key); Walk(r.Value); Walk(r.X); Walk(r.Body); break;

                case ImportSpec i: Walk(i.Doc); Walk(i.Name); Walk(i.Path); Walk(i.Comment); break;
                case ValueSpec v: Walk(v.Doc); List(v.Names); Walk(v.Type); List(v.Values); Walk(v.Comment); break;
                case TypeSpec t: Walk(t.Doc); Walk(t.Name); Walk(t.TypeParams); Walk(t.Type); Walk(t.Comment); break;
                case BadDecl: break;
                case GenDecl g: Walk(g.Doc); List(g.Specs); break;
                case FuncDecl f: Walk(f.Doc); Walk(f.Recv); Walk(f.Name); Walk(f.Type); Walk(f.Body); break;
                case File file: Walk(file.Doc); Walk(file.Name); List(file.Decls); break;
                default: throw new InvalidOperationException("unknown node " + node.GetType().Name);
            }
        }
    }
}
