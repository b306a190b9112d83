using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>Functions of this package with a single map result that every return statement gives as the literal nil.</summary>
internal sealed class NilReturningFuncs
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public NilReturningFuncs(Pass pass)
    {
        foreach (var file in pass.Files)
        {
            foreach (var fd in file.File.Decls.OfType<FuncDecl>())
            {
                if (fd.Recv != null || fd.Body == null || fd.Type.Results is not { List: [{ Names: null or { Count: 0 } } result] }) continue;
                if (pass.Package.Scope.LookupLocal(fd.Name.Name) is not Func f || f.Pos != fd.Name.Pos) continue;
                if (f.Signature.Results.Count != 1 || !NilSources.MapTypeOf(f.Signature.Results[0])) continue;
                int returns = 0;
                bool allNil = true;
                FuncBodies.InspectOwn(fd.Body, n =>
                {
                    if (n is ReturnStmt r)
                    {
                        returns++;
                        if (r.Results is not [Ident { Name: "nil" } nil] || pass.TypeOf(nil) is not Basic { Kind: BasicKind.UntypedNil }) allNil = false;
                    }
                    return allNil;
                });
                if (returns > 0 && allNil) _names.Add(fd.Name.Name);
            }
        }
    }

    /// <summary>The callee's name when call is a plain call of such a function.</summary>
    public string? AlwaysNil(Pass pass, CallExpr call) =>
        GoAst.Unparen(call.Fun) is Ident id && _names.Contains(id.Name) && GoAst.ObjectOf(pass, id) is Func f && ReferenceEquals(pass.Package.Scope.LookupLocal(id.Name), f)
            ? id.Name : null;
}
