using MapScope.Attribution.Joins;
using MapScope.Attribution.Types;
using MapScope.Syntax.Ast;

namespace MapScope.Attribution.Walk;

internal sealed partial class PackageWalker
{
    private void Call(CallExpr call, Destination dest)
    {
        var fun = TypeResolver.Unparen(call.Fun);
        if (fun is Ident id && _scope.Lookup(id.Name) is null && Builtin(id.Name, call, dest)) return;
        if (IsMapsClone(fun) && call.Args.Count == 1)
        {
            if (_types.AsMap(_types.TypeOf(call.Args[0], _scope)) is not null)
                AddOp(MapOpKind.Clone, call, [call.Lparen, call.Pos], MapRefOf(call.Args[0]), dest);
            VisitExpr(call.Args[0]);
            return;
        }
        var consumed = HandlerRegistration(fun, call);
        if (fun is SelectorExpr sel && _types.Method(_types.TypeOf(sel.X, _scope), sel.Sel.Name) is { } m && _declUnits.TryGetValue(m, out var mu))
        {
            _unit.Calls.Add(mu);
            VisitExpr(sel.X);
        }
        else VisitExpr(call.Fun);
        foreach (var a in call.Args) if (a != consumed) VisitExpr(a);
    }

    /// <summary>make, delete, clear; the others only have their arguments walked. False when not special.</summary>
    private bool Builtin(string name, CallExpr call, Destination dest)
    {
        switch (name)
        {
            case "make" when call.Args.Count > 0:
                if (_types.AsMap(_types.TypeOfTypeExpr(call.Args[0], _scope)) is not null)
                    AddOp(MapOpKind.MakeMap, call, [call.Lparen, call.Pos], null, dest);
                foreach (var a in call.Args.Skip(1)) VisitExpr(a);
                return true;
            case "delete" when call.Args.Count == 2:
            case "clear" when call.Args.Count == 1:
                if (_types.AsMap(_types.TypeOf(call.Args[0], _scope)) is not null)
                    AddOp(name == "delete" ? MapOpKind.Delete : MapOpKind.Clear, call, [call.Lparen, call.Pos], MapRefOf(call.Args[0]));
                foreach (var a in call.Args) VisitExpr(a);
                return true;
            case "new":
                return true;
            default:
                return false;
        }
    }

    private bool IsMapsClone(Expr fun) =>
        fun is SelectorExpr { Sel.Name: "Clone", X: Ident pkg }
        && _scope.Lookup(pkg.Name) is { Kind: ObjectKind.Import, ImportPath: "maps" or "golang.org/x/exp/maps" };

    private void GoStatement(GoStmt g)
    {
        var call = g.Call;
        var fun = TypeResolver.Unparen(call.Fun);
        FunctionUnit? target = null;
        switch (fun)
        {
            case FuncLit lit:
                target = VisitFuncLit(lit, calledByParent: false);
                break;
            case Ident id when _scope.Lookup(id.Name) is { Kind: ObjectKind.Func, Func: { } f } && _declUnits.TryGetValue(f, out var u):
                target = u;
                break;
            case SelectorExpr sel when _types.Method(_types.TypeOf(sel.X, _scope), sel.Sel.Name) is { } m && _declUnits.TryGetValue(m, out var mu):
                target = mu;
                VisitExpr(sel.X);
                break;
            default:
                VisitExpr(call.Fun);
                break;
        }
        foreach (var a in call.Args) VisitExpr(a);
        if (target is not null) _entries.Add(new EntryPoint(EntryKind.GoStatement, target, _file, g.Pos));
    }

    /// <summary>
    /// HandleFunc(pattern, f) on any mux, and http.HandlerFunc(f): f runs on its own goroutine per request.
    /// Returns a handler closure it walked itself (so the caller does not walk it again).
    /// </summary>
    private Expr? HandlerRegistration(Expr fun, CallExpr call)
    {
        Expr? handler = null;
        if (fun is SelectorExpr { Sel.Name: "HandleFunc" } && call.Args.Count == 2) handler = call.Args[1];
        else if (fun is SelectorExpr { Sel.Name: "HandlerFunc", X: Ident http } && call.Args.Count == 1
                 && _scope.Lookup(http.Name) is { Kind: ObjectKind.Import, ImportPath: "net/http" }) handler = call.Args[0];
        if (handler is null) return null;
        var written = handler;
        handler = TypeResolver.Unparen(handler);
        FunctionUnit? target = handler switch
        {
            Ident id when _scope.Lookup(id.Name) is { Kind: ObjectKind.Func, Func: { } f } => _declUnits.GetValueOrDefault(f),
            SelectorExpr sel when _types.Method(_types.TypeOf(sel.X, _scope), sel.Sel.Name) is { } m => _declUnits.GetValueOrDefault(m),
            _ => null,
        };
        if (handler is FuncLit lit) target = VisitFuncLit(lit, calledByParent: false);
        if (target is not null) _entries.Add(new EntryPoint(EntryKind.HttpHandler, target, _file, call.Pos));
        return target is not null ? written : null; // registering is not calling: no edge from the registering function
    }
}
