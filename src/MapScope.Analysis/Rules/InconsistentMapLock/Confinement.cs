using System.Text.RegularExpressions;
using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.InconsistentMapLock;

/// <summary>
/// Maps documented as confined to one goroutine: a struct type whose doc says it is used by one loop or goroutine
/// or is not safe for concurrent use (nats' `// Used in readloop to cache hot subject lookups`), or a map field
/// commented so. A lock that some of their users happen to hold does not guard them; nothing races.
/// </summary>
internal static partial class Confinement
{
    [GeneratedRegex(@"\b(?:used|accessed|only|owned|touched|called)\s+(?:in|by|from|on)\s+(?:the\s+)?(?:\w+\s+)?(?:read\s*loop|write\s*loop|event\s*loop|run\s*loop|main\s*loop|readloop|writeloop|loop|one goroutine|a single goroutine|the same goroutine)\b|\bnot\s+(?:safe|thread-?safe|goroutine-?safe)\s+for\s+concurrent\b|\bnot\s+(?:thread|goroutine|concurrency)[- ]safe\b|\bmust\s+not\s+be\s+used\s+concurrently\b|\bsingle[- ]goroutine\b", RegexOptions.IgnoreCase)]
    private static partial Regex Confined();

    public static HashSet<MapKey> Find(Pass pass)
    {
        var result = new HashSet<MapKey>();
        foreach (var file in pass.Files)
            foreach (var gd in file.File.Decls.OfType<GenDecl>())
                foreach (var ts in gd.Specs.OfType<TypeSpec>())
                {
                    if (ts.Type is not StructType st || pass.Package.Scope.LookupLocal(ts.Name.Name) is not TypeName tn) continue;
                    var typeDoc = (ts.Doc?.Text() ?? "") + "\n" + (gd.Specs.Count == 1 ? gd.Doc?.Text() ?? "" : "");
                    bool whole = Confined().IsMatch(typeDoc);
                    foreach (var f in st.Fields.List)
                    {
                        if (f.Names is not { Count: > 0 } names) continue;
                        if (!whole && !Confined().IsMatch((f.Doc?.Text() ?? "") + "\n" + (f.Comment?.Text() ?? ""))) continue;
                        foreach (var nm in names) result.Add(new MapKey(tn, nm.Name));
                    }
                }
        return result;
    }
}
