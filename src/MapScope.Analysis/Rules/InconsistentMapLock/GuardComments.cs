using System.Text.RegularExpressions;
using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.InconsistentMapLock;

/// <summary>
/// Guards documented next to struct fields, the Go convention: <c>m map[K]V // guarded by mu</c>,
/// <c>// protected by mu</c>, <c>mu sync.Mutex // protects m and n</c>, <c>mu sync.Mutex // guards the fields below</c>.
/// A documented guard is the code's own statement of intent; it needs less corroboration than an inferred one.
/// </summary>
internal static partial class GuardComments
{
    [GeneratedRegex(@"\b(?:guarded|protected|synchronized|locked)\s+by\s+(?:the\s+)?([A-Za-z_][\w.]*)", RegexOptions.IgnoreCase)]
    private static partial Regex GuardedBy();

    [GeneratedRegex(@"\b(?:protects|guards|serializes|synchronizes)\b(.*)", RegexOptions.IgnoreCase)]
    private static partial Regex Protects();

    [GeneratedRegex(@"\b(?:below|following|after\s+it|that\s+follow)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Below();

    /// <summary>Map field → its documented guard ("rel:mu").</summary>
    public static Dictionary<MapKey, string> Find(Pass pass)
    {
        var result = new Dictionary<MapKey, string>();
        foreach (var file in pass.Files)
        {
            Inspector.Inspect(file.File, n =>
            {
                if (n is not TypeSpec { Type: StructType st } ts) return true;
                if (pass.Package.Scope.LookupLocal(ts.Name.Name) is not TypeName tn) return true;
                var fields = st.Fields.List;
                var mutexNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (var f in fields)
                    if (f.Type != null && IsMutexType(tn, f) && f.Names is { Count: > 0 } names)
                        foreach (var nm in names) mutexNames.Add(nm.Name);
                for (int i = 0; i < fields.Count; i++)
                {
                    var f = fields[i];
                    var text = (f.Doc?.Text() ?? "") + "\n" + (f.Comment?.Text() ?? "");
                    if (f.Names is not { Count: > 0 } names) continue;
                    if (IsMutexType(tn, f))
                    {
                        var guard = "rel:" + names[0].Name;
                        if (Protects().Match(text) is { Success: true } m)
                        {
                            var rest = m.Groups[1].Value;
                            if (Below().IsMatch(rest))
                            {
                                // up to the next mutex, which protects what follows it (net/rpc: reqMutex, then mutex)
                                for (int j = i + 1; j < fields.Count && !IsMutexType(tn, fields[j]); j++)
                                    foreach (var other in fields[j].Names ?? []) result.TryAdd(new MapKey(tn, other.Name), guard);
                            }
                            else
                            {
                                foreach (var other in fields.SelectMany(x => x.Names ?? []))
                                    if (Regex.IsMatch(rest, $@"\b{Regex.Escape(other.Name)}\b")) result.TryAdd(new MapKey(tn, other.Name), guard);
                            }
                        }
                        continue;
                    }
                    if (GuardedBy().Match(text) is { Success: true } g)
                    {
                        var named = g.Groups[1].Value.TrimEnd('.');
                        var last = named.Contains('.') ? named[(named.LastIndexOf('.') + 1)..] : named;
                        if (mutexNames.Contains(last))
                            foreach (var nm in names) result[new MapKey(tn, nm.Name)] = "rel:" + last;
                    }
                }
                return true;
            }, comments: false);
        }
        return result;
    }

    private static bool IsMutexType(TypeName tn, Field f) =>
        f.Names is { Count: > 0 } names && tn.Type.Underlying is Semantics.Types.Struct st
        && st.Fields.FirstOrDefault(x => x.Name == names[0].Name) is { } field && SyncTypes.IsMutex(field.Type);
}
