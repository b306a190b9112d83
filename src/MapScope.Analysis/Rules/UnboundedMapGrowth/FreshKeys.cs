using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.UnboundedMapGrowth;

/// <summary>
/// Keys that are new on every call, so each call adds an entry: a counter the function itself increments
/// (`id := c.nextID; c.nextID++`), or a connection or request handed to the function (net.Conn,
/// *http.Request, *tls.Conn, ...): there is one of those per client, forever.
/// </summary>
internal sealed class FreshKeys
{
    private readonly Pass _pass;
    private readonly List<Expr> _counters = [];
    private readonly HashSet<Var> _fromCounter = new(ReferenceEqualityComparer.Instance);
    private readonly ParamTaint _params;

    public FreshKeys(Pass pass, FuncType type, BlockStmt body)
    {
        _pass = pass;
        _params = new ParamTaint(pass, type, body);
        FuncBodies.InspectOwn(body, n =>
        {
            switch (n)
            {
                case IncDecStmt { Tok: Token.INC } inc when Persistent(inc.X):
                    _counters.Add(inc.X);
                    break;
                case AssignStmt { Tok: Token.ADD_ASSIGN } add when Persistent(add.Lhs[0]):
                    _counters.Add(add.Lhs[0]);
                    break;
                case CallExpr { Fun: SelectorExpr { X: Ident { Name: "atomic" }, Sel.Name: var fname }, Args: [UnaryExpr { Op: Token.AND, X: var target }, ..] }
                    when fname.StartsWith("Add", StringComparison.Ordinal) && Persistent(target):
                    _counters.Add(target);
                    break;
            }
            return true;
        });
        if (_counters.Count == 0) return;
        FuncBodies.InspectOwn(body, n =>
        {
            if (n is AssignStmt { Tok: Token.DEFINE or Token.ASSIGN } a && a.Lhs.Count == a.Rhs.Count)
                for (int i = 0; i < a.Lhs.Count; i++)
                    if (GoAst.Unparen(a.Lhs[i]) is Ident id && GoAst.ObjectOf(pass, id) is Var v && MentionsCounter(a.Rhs[i])) _fromCounter.Add(v);
            return true;
        });
    }

    /// <summary>Why the key is new on every call (for the message), or null.</summary>
    public string? Why(Expr key)
    {
        if (_counters.Count > 0 && (MentionsCounter(key) || Mentions(key, v => _fromCounter.Contains(v))))
            return "a counter this function increments, so every call adds a key";
        if (_params.Mentions(key) && ConnectionType(_pass.TypeOf(key)) is { } conn)
            return $"a {conn} handed to the function, so every connection or request adds a key";
        return null;
    }

    /// <summary>Storage that outlives the call: a field or a package-level variable (a loop index is not a counter of calls).</summary>
    private bool Persistent(Expr e) =>
        GoAst.Unparen(e) is SelectorExpr { X: var x } && GoAst.RootVar(_pass, x) != null
        || GoAst.Unparen(e) is Ident id && GoAst.ObjectOf(_pass, id) is Var { IsPackageLevel: true };

    private bool MentionsCounter(Expr e)
    {
        bool found = false;
        Inspector.Inspect(e, n =>
        {
            if (found) return false;
            if (n is Expr x && _counters.Any(c => GoAst.SameVariable(_pass, c, x))) found = true;
            return true;
        }, comments: false);
        return found;
    }

    private bool Mentions(Expr e, Func<Var, bool> pred)
    {
        bool found = false;
        Inspector.Inspect(e, n =>
        {
            if (found) return false;
            if (n is Ident id && _pass.Checker.Uses.TryGetValue(id, out var o) && o is Var v && pred(v)) found = true;
            return true;
        }, comments: false);
        return found;
    }

    /// <summary>"net.Conn", "*http.Request" ...: a type with one value per client connection or request.</summary>
    private static string? ConnectionType(Semantics.Types.Type t)
    {
        bool ptr = false;
        if (t is Pointer p) { t = p.Elem; ptr = true; }
        if (t is not Named n || n.Obj.Pkg?.Path is not { } path) return null;
        var ok = (path, n.Obj.Name) switch
        {
            ("net", "Conn" or "TCPConn" or "UDPConn" or "UnixConn" or "PacketConn") => true,
            ("net/http", "Request" or "ResponseWriter") => true,
            ("crypto/tls", "Conn") => true,
            _ => false,
        };
        return ok ? $"{(ptr ? "*" : "")}{path[(path.LastIndexOf('/') + 1)..]}.{n.Obj.Name}" : null;
    }
}
