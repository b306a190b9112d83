using MapScope.Analysis.Framework;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;
using Object = MapScope.Semantics.Types.Object;

namespace MapScope.Analysis.Rules.Shared;

/// <summary>Small syntax questions the rules share: parentheses, source text, builtins, which variable a name is.</summary>
internal static class GoAst
{
    public static Expr Unparen(Expr e)
    {
        while (e is ParenExpr p) e = p.X;
        return e;
    }

    /// <summary>The name a call is made by: f for f(...), m for x.m(...); "" for anything else.</summary>
    public static string CalleeName(Expr fun) => Unparen(fun) switch { Ident id => id.Name, SelectorExpr s => s.Sel.Name, _ => "" };

    /// <summary>The expression as written in the file.</summary>
    public static string Text(ParsedFile file, Node n) =>
        n.Pos >= 0 && n.End <= file.Source.Length && n.End > n.Pos ? System.Text.Encoding.UTF8.GetString(file.Source, n.Pos, n.End - n.Pos) : "";

    /// <summary>The variable (or other object) an identifier declares or refers to; null when unknown.</summary>
    public static Object? ObjectOf(Pass pass, Ident id) =>
        pass.Checker.Uses.TryGetValue(id, out var o) ? o : pass.Checker.Defs.TryGetValue(id, out var d) ? d : null;

    /// <summary>A call of the predeclared function name (not shadowed: a shadowing variable or function is recorded as a use).</summary>
    public static bool IsBuiltinCall(Pass pass, CallExpr call, string name) =>
        Unparen(call.Fun) is Ident id && id.Name == name && !pass.Checker.Uses.ContainsKey(id) && !pass.Checker.TypeExprs.Contains(id)
        && pass.Checker.Pkg.Scope.LookupLocal(name) == null;

    /// <summary>
    /// Whether a and b certainly denote the same variable: the same identifier object, or the same field path
    /// (x.f.g) from the same base variable; *p and p's pointee compare by p.
    /// </summary>
    public static bool SameVariable(Pass pass, Expr a, Expr b)
    {
        a = Unparen(a);
        b = Unparen(b);
        switch (a, b)
        {
            case (Ident ia, Ident ib):
                return ObjectOf(pass, ia) is Var va && ReferenceEquals(va, ObjectOf(pass, ib));
            case (SelectorExpr sa, SelectorExpr sb):
                if (sa.Sel.Name != sb.Sel.Name) return false;
                // pkg.Var: same package name and member
                if (Unparen(sa.X) is Ident pa && Unparen(sb.X) is Ident pb && IsPackageName(pass, pa) && IsPackageName(pass, pb))
                    return pa.Name == pb.Name;
                return SameVariable(pass, sa.X, sb.X);
            case (StarExpr pa2, StarExpr pb2):
                return SameVariable(pass, pa2.X, pb2.X);
            default:
                return false;
        }
    }

    /// <summary>An identifier naming an imported package (it is neither typed nor a variable).</summary>
    public static bool IsPackageName(Pass pass, Ident id) =>
        !pass.Checker.Uses.ContainsKey(id) && !pass.Checker.Types.ContainsKey(id) && !pass.Checker.TypeExprs.Contains(id);

    /// <summary>The variable at the root of x, x.f, x.f.g, (*x).f, x[i].f — null when the root is not a plain variable.</summary>
    public static Var? RootVar(Pass pass, Expr e)
    {
        while (true)
        {
            e = Unparen(e);
            switch (e)
            {
                case Ident id:
                    return ObjectOf(pass, id) as Var;
                case SelectorExpr s:
                    e = s.X;
                    break;
                case StarExpr st:
                    e = st.X;
                    break;
                default:
                    return null;
            }
        }
    }
}
