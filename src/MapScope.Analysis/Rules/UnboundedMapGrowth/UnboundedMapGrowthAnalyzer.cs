using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.UnboundedMapGrowth;

/// <summary>A package-level map that gets inserts keyed by callers' data and never shrinks: memory that only grows.</summary>
public sealed class UnboundedMapGrowthAnalyzer : Analyzer
{
    public override string Id => "unbounded-map-growth";
    public override string Title => "long-lived map grows with run-time keys and is never pruned";
    public override Severity DefaultSeverity => Severity.Warning;

    // Off until its findings on real code are >= 90% true (docs/rules/EVALUATION.md, 2026-12-01): its one
    // finding on 21 repositories at HEAD was a registry that other packages fill with constant names at start-up,
    // which one-package analysis cannot see; it does catch 1 of the 3 growth bugs of bench/realbugs.
    public override bool EnabledByDefault => false;

    public override string Doc => """
        A package-level map lives as long as the program. When it gets inserts keyed by data that arrives at run
        time (request fields, user ids, paths) and nothing ever deletes from it, clears it, replaces it or checks its
        size, it holds one entry per distinct key ever seen: a memory leak that grows with traffic, and — since Go
        maps never shrink — every GC cycle keeps scanning it.

        Reported: the first insert (`m[k] = v`, `m[k]++`, ...) into such a map made directly by an exported function
        or method (other than `Register...`) with a key computed from its parameters — the package's callers
        decide how many keys there are. Not reported: maps with a `delete`, `clear`, reassignment or `len(m)`
        comparison anywhere in the package, maps passed to other functions or stored under another name (they may be
        pruned there), keys that do not come from the function's inputs, keys of bounded types (bool, 8-bit
        integers, reflect.Type), and inserts made in unexported functions, closures or HTTP handlers — whether those
        see unbounded data cannot be told without following every caller, so the rule stays silent there.
        Registries filled at start-up are not reported either: functions that package-level initializers
        (`var x = NewCodec("json")`) or `init` call, `Set...` setters, and writes under an existence check
        (`if _, ok := m[k]; ok { m[k] = v }` only updates).

        Map fields of the package's types are checked per type and field: an insert keyed by something new on
        every call — a counter the function increments (`id := c.next; c.next++`, `atomic.AddUint64(&c.seq, 1)`)
        or a connection or request it is handed (`net.Conn`, `*http.Request`, `*tls.Conn`) — into a field that
        no code of the package deletes from, clears, replaces or bounds. Assigning `nil` or a zero value to the
        entry keeps the key, so it is no removal.

        Also reported: an insert keyed by the call's connection or request whose matching `delete` is a plain
        statement after a call into unknown code (an interface method or a function value, e.g. the user's
        handler): a panic there skips the delete, and since net/http recovers handler panics the entry stays.

        Packages named `main` and packages under an `internal` directory are skipped too: on the Go tree they are
        command-line tools (compiler, linker) whose caches are meant to live for exactly one run, and telling a
        tool from a server is beyond what the source shows.

        Fix: bound the map — evict old entries (a TTL sweep or an LRU), cap it with a `len(m)` check, or key it by
        a small fixed set; for a cache, use a bounded cache type.
        """;

    public override string BadExample => """
        var quotes = map[string]Price{}

        func Quote(sku, coupon string) Price {
        	p := fetch(sku)
        	quotes[sku+"/"+coupon] = p // one entry per coupon ever tried, forever
        	return p
        }
        """;

    public override string GoodExample => """
        var quotes = map[string]Price{}

        func Quote(sku, coupon string) Price {
        	p := fetch(sku)
        	if len(quotes) >= maxQuotes {
        		clear(quotes) // or evict the oldest entries
        	}
        	quotes[sku+"/"+coupon] = p
        	return p
        }
        """;

    public override void Run(Pass pass)
    {
        // commands and internal packages: mostly short-lived tools whose caches live exactly as long as one run
        if (pass.Package.Name == "main" || pass.Package.Path.Split('/').Contains("internal")) return;
        FieldRegistries.Check(pass);
        DeleteNotDeferred.Check(pass);
        MapLifecycle? lifecycle = null;
        StartupCalls? startup = null;
        var reported = new HashSet<Var>(ReferenceEqualityComparer.Instance);
        foreach (var fn in FuncBodies.All(pass.Files))
        {
            // entry points only: an exported function's parameters are its callers' data; registration, setters and init are bounded by the program
            if (fn.Decl is not { Name.Name: var name } || !char.IsUpper(name[0]) || name.StartsWith("Register", StringComparison.Ordinal) || name.StartsWith("Set", StringComparison.Ordinal)) continue;
            startup ??= new StartupCalls(pass);
            if (fn.Decl.Recv == null && startup.Contains(name)) continue;
            ParamTaint? taint = null;
            Parents? parents = null;
            foreach (var w in MapWrites.Under(pass, fn.Body))
            {
                parents ??= new Parents(fn.Body);
                if (UpdateOnly.Is(pass, parents, w)) continue;
                if (GoAst.Unparen(w.Map) is not Ident id || GoAst.ObjectOf(pass, id) is not Var { IsPackageLevel: true } v) continue;
                if (reported.Contains(v) || !ReferenceEquals(v.Pkg, pass.Package)) continue;
                if (BoundedKeyType(pass.TypeOf(w.Map))) continue;
                taint ??= new ParamTaint(pass, fn.Type, fn.Body);
                if (!taint.Mentions(w.Key)) continue;
                lifecycle ??= new MapLifecycle(pass);
                if (lifecycle.MayShrink(v)) continue;
                reported.Add(v);
                var file = fn.File;
                pass.Report(file, w.Index,
                    $"{id.Name} is a package-level map that gets a new entry for every distinct {GoAst.Text(file, w.Key)} and nothing in the package deletes from it, " +
                    $"clears it, replaces it or bounds its size: it grows for as long as the program runs — evict entries (TTL or LRU) or cap it with a len({id.Name}) check");
            }
        }
    }

    /// <summary>Keys drawn from a small or program-bounded set: bool, 8-bit integers, reflect.Type.</summary>
    internal static bool BoundedKeyType(Semantics.Types.Type mapType)
    {
        if (mapType.Underlying is not Map m) return true;
        if (m.Key.Underlying is Basic { Kind: BasicKind.Bool or BasicKind.Int8 or BasicKind.Uint8 }) return true;
        return m.Key is Named { Obj.Pkg.Path: "reflect" };
    }
}
