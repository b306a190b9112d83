namespace MapScope.Semantics.Loading;

/// <summary>
/// The directories a "..." pattern visits: everything below a root except testdata, names starting with
/// . or _, vendor trees (unless asked for, as std's "vendor/golang.org/x/…" are), nested modules, and
/// explicitly skipped paths (GOROOT/src/cmd for std).
/// </summary>
public static class PackageWalker
{
    public static List<string> Walk(string root, bool includeVendor, Func<string, bool>? skip = null)
    {
        var result = new List<string>();
        var stack = new Stack<string>();
        if (Directory.Exists(root)) stack.Push(Path.GetFullPath(root));
        bool first = true;
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            if (!first && File.Exists(Path.Combine(dir, "go.mod"))) continue; // another module starts here
            first = false;
            result.Add(dir);
            string[] subdirs;
            try { subdirs = Directory.GetDirectories(dir); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var sub in subdirs)
            {
                var name = Path.GetFileName(sub);
                if (name.StartsWith('.') || name.StartsWith('_') || name == "testdata") continue;
                if (name == "vendor" && !includeVendor) continue;
                if (skip?.Invoke(sub) == true) continue;
                stack.Push(sub);
            }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
