namespace MapScope.Attribution.Source;

/// <summary>Reads the module path from a go.mod file's <c>module</c> directive.</summary>
internal static class ModuleFile
{
    public static string? ReadModulePath(string goModPath)
    {
        try
        {
            if (!File.Exists(goModPath) || new FileInfo(goModPath).Length > 1 << 20) return null;
            foreach (var raw in File.ReadLines(goModPath))
            {
                var line = raw.Trim();
                int comment = line.IndexOf("//", StringComparison.Ordinal);
                if (comment >= 0) line = line[..comment].Trim();
                if (!line.StartsWith("module", StringComparison.Ordinal)) continue;
                var rest = line["module".Length..].Trim().Trim('"');
                return rest.Length > 0 && !rest.Contains(' ') ? rest : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return null;
    }
}
