using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;
using Tuple = MapScope.Semantics.Types.Tuple;

namespace MapScope.Analysis.Rules.NewMap;

/// <summary>
/// Calls that are passed directly where an interface is expected (a parameter of interface type, or a
/// return value of interface type): json.Unmarshal(b, new(map[string]any)) hands the decoder a target it fills.
/// </summary>
internal static class DecodeTargets
{
    public static HashSet<CallExpr> Find(Pass pass, Syntax.Ast.File file)
    {
        var found = new HashSet<CallExpr>(ReferenceEqualityComparer.Instance);
        var results = new Stack<Tuple?>();
        Visit(file);
        return found;

        void Visit(Node root)
        {
            Inspector.Inspect(root, n =>
            {
                switch (n)
                {
                    case FuncDecl { Body: { } body } fd:
                        WithResults(ResultsOf(pass, fd), body);
                        return false;
                    case FuncLit fl:
                        WithResults(pass.TypeOf(fl) is Signature s ? s.Results : null, fl.Body);
                        return false;
                    case CallExpr call when pass.TypeOf(call.Fun) is Signature sig:
                        for (int i = 0; i < call.Args.Count; i++)
                            if (GoAst.Unparen(call.Args[i]) is CallExpr arg && IsInterface(ParamType(sig, i)))
                                found.Add(arg);
                        break;
                    case ReturnStmt { Results: { } rs } when results.Count > 0 && results.Peek() is { } tuple && tuple.Count == rs.Count:
                        for (int i = 0; i < rs.Count; i++)
                            if (GoAst.Unparen(rs[i]) is CallExpr ret && IsInterface(tuple[i]))
                                found.Add(ret);
                        break;
                }
                return true;
            }, comments: false);
        }

        void WithResults(Tuple? r, BlockStmt body)
        {
            results.Push(r);
            Visit(body);
            results.Pop();
        }
    }

    private static Tuple? ResultsOf(Pass pass, FuncDecl fd)
    {
        if (fd.Recv == null)
            return pass.Package.Scope.LookupLocal(fd.Name.Name) is Func f && f.Pos == fd.Name.Pos ? f.Signature.Results : null;
        // a method: found on its receiver's named type
        if (fd.Recv.List is not [{ Names: [var recv, ..] }] || GoAst.ObjectOf(pass, recv) is not Var rv) return null;
        var t = rv.Type is Pointer p ? p.Elem : rv.Type;
        return t is Named named && named.Methods.FirstOrDefault(m => m.Name == fd.Name.Name && m.Pos == fd.Name.Pos) is { } m
            ? m.Signature.Results : null;
    }

    private static Semantics.Types.Type? ParamType(Signature sig, int i)
    {
        int n = sig.Params.Count;
        if (n == 0) return null;
        if (sig.Variadic && i >= n - 1) return sig.Params[n - 1] is Slice s ? s.Elem : null;
        return i < n ? sig.Params[i] : null;
    }

    private static bool IsInterface(Semantics.Types.Type? t) => t?.Underlying is Interface;
}
