using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.ConcurrentMapAccess;

/// <summary>
/// Functions that their caller runs on many goroutines at once, recognised by signature: net/http handlers,
/// gin/echo/fiber handlers, gRPC service methods, Prometheus collectors. Parameter types are read from the
/// syntax and the file's imports, so they are recognised even when the framework is not downloaded.
/// </summary>
internal static class ConcurrentCallers
{
    private const string Prometheus = "github.com/prometheus/client_golang/prometheus";

    /// <summary>What runs the function concurrently ("an HTTP handler (h), which ..."), and what its receiver is; null when nothing known does.</summary>
    public static (string Description, string ReceiverNote)? Classify(Pass pass, FuncBody fn, IReadOnlySet<TypeName> grpcServices)
    {
        var name = fn.Decl?.Name.Name;
        var shown = name ?? "a function literal";
        var fields = fn.Type.Params.List;
        const string requests = "the handler's receiver, shared by all requests";
        if (HasHttpParams(pass, fn.File, fields) || name == "ServeHTTP" && fn.Decl!.Recv != null)
            return ($"an HTTP handler ({shown}), which net/http runs on many goroutines at once", requests);
        if (Any(fields, f => ImportedTypes.Is(fn.File, f.Type, true, "Context", "github.com/gin-gonic/gin")))
            return ($"a gin handler ({shown}), which gin runs on a goroutine per request", requests);
        if (Any(fields, f => ImportedTypes.Is(fn.File, f.Type, false, "Context", "github.com/labstack/echo/v4", "github.com/labstack/echo")))
            return ($"an echo handler ({shown}), which echo runs on a goroutine per request", requests);
        if (Any(fields, f => ImportedTypes.Is(fn.File, f.Type, true, "Ctx", "github.com/gofiber/fiber/v2", "github.com/gofiber/fiber")))
            return ($"a fiber handler ({shown}), which fiber runs on a goroutine per request", requests);
        if (fn.Decl is { } d)
        {
            if (d.Recv != null && IsGrpcMethod(pass, fn, grpcServices))
                return ($"a gRPC method ({shown}), which grpc-go runs on a goroutine per call", requests);
            const string scrapes = "the collector's receiver, shared by concurrent scrapes";
            if (d.Recv != null && name == "Collect" && fields.Count == 1 && ImportedTypes.IsSendChanOf(fn.File, fields[0].Type, false, "Metric", Prometheus))
                return ($"a Prometheus Collect ({shown}), which the registry runs on every scrape, and scrapes overlap", scrapes);
            // Describe is not an entry: the registry runs it at Register and Unregister, not per scrape
            if (Any(fields, f => ImportedTypes.IsSendChanOf(fn.File, f.Type, false, "Metric", Prometheus)))
                return ($"a Prometheus collection method ({shown}), handed the metric channel of a scrape, and scrapes overlap", scrapes);
        }
        return null;
    }

    /// <summary>An http.ResponseWriter and an *http.Request among the parameters (by type when known, else by syntax).</summary>
    private static bool HasHttpParams(Pass pass, ParsedFile file, List<Field> fields)
    {
        bool writer = false, request = false;
        foreach (var f in fields)
        {
            Semantics.Types.Type? t = f.Names is [var n0, ..] && pass.Checker.Defs.TryGetValue(n0, out var o) && o is Var v ? v.Type : null;
            if (t is Named { Obj: { Name: "ResponseWriter", Pkg.Path: "net/http" } } || ImportedTypes.Is(file, f.Type, false, "ResponseWriter", "net/http")) writer = true;
            if (t is Pointer { Elem: Named { Obj: { Name: "Request", Pkg.Path: "net/http" } } } || ImportedTypes.Is(file, f.Type, true, "Request", "net/http")) request = true;
        }
        return writer && request;
    }

    /// <summary>
    /// Types that embed a generated Unimplemented&lt;X&gt;Server: grpc-go's generated code makes service
    /// implementations embed it, and registration runs their methods for every call.
    /// </summary>
    public static HashSet<TypeName> GrpcServices(Pass pass)
    {
        var result = new HashSet<TypeName>(ReferenceEqualityComparer.Instance);
        foreach (var file in pass.Files)
            foreach (var gd in file.File.Decls.OfType<GenDecl>())
                foreach (var spec in gd.Specs.OfType<TypeSpec>())
                {
                    if (spec.Type is not StructType st) continue;
                    foreach (var f in st.Fields.List)
                    {
                        if (f.Names is { Count: > 0 }) continue;
                        var t = f.Type is StarExpr s ? s.X : f.Type;
                        var embedded = t switch { SelectorExpr sel => sel.Sel.Name, Ident id => id.Name, _ => "" };
                        if (embedded.StartsWith("Unimplemented", StringComparison.Ordinal) && embedded.EndsWith("Server", StringComparison.Ordinal)
                            && pass.Package.Scope.LookupLocal(spec.Name.Name) is TypeName tn)
                            result.Add(tn);
                    }
                }
        return result;
    }

    /// <summary>An exported method of a service type taking (context.Context, *Request) — the shape of a unary RPC.</summary>
    private static bool IsGrpcMethod(Pass pass, FuncBody fn, IReadOnlySet<TypeName> services)
    {
        var d = fn.Decl!;
        if (services.Count == 0 || !char.IsUpper(d.Name.Name[0])) return false;
        var recv = d.Recv!.List.Count > 0 ? d.Recv.List[0].Type : null;
        if (recv is StarExpr s) recv = s.X;
        if (recv is not Ident rid || pass.Package.Scope.LookupLocal(rid.Name) is not TypeName tn || !services.Contains(tn)) return false;
        var ps = d.Type.Params.List;
        if (ps.Count == 0 || !ImportedTypes.Is(fn.File, ps[0].Type, false, "Context", "context")) return false;
        // (ctx, *Req) for unary calls; streaming methods take (req, stream) or (stream) and are not matched
        var second = ps.Count > 1 ? ps[1].Type : null;
        return second is StarExpr && d.Type.Params.NumFields() == 2;
    }

    private static bool Any(List<Field> fields, Func<Field, bool> test)
    {
        foreach (var f in fields)
            if (test(f)) return true;
        return false;
    }
}
