namespace MapScope.Semantics.Loading;

/// <summary>
/// Parses go.mod: one directive per line or <c>verb ( … )</c> blocks, quoted or bare tokens, // comments
/// (with <c>// indirect</c> on requirements). Unknown directives (toolchain, retract, godebug, …) are skipped.
/// </summary>
public static class ModFileParser
{
    public static ModFile ParseFile(string path) => Parse(File.ReadAllText(path));

    public static ModFile Parse(string text)
    {
        string module = "";
        string? go = null;
        var requires = new List<ModRequire>();
        var replaces = new List<ModReplace>();
        var excludes = new List<ModExclude>();
        var errors = new List<string>();
        string? block = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            var (tokens, comment) = Tokenize(lines[n], out var lexError);
            if (lexError != null) { errors.Add($"{n + 1}: {lexError}"); continue; }
            if (tokens.Count == 0) continue;
            string verb;
            List<string> args;
            if (block != null)
            {
                if (tokens[0] == ")") { block = null; continue; }
                verb = block;
                args = tokens;
            }
            else
            {
                verb = tokens[0];
                args = tokens.GetRange(1, tokens.Count - 1);
                if (args is ["("]) { block = verb; continue; }
            }
            bool indirect = comment.Trim() == "indirect" || comment.TrimStart().StartsWith("indirect;", StringComparison.Ordinal);
            var error = Apply(verb, args, indirect);
            if (error != null) errors.Add($"{n + 1}: {error}");
        }
        if (block != null) errors.Add($"{lines.Length}: unterminated {block} block");
        return new ModFile { ModulePath = module, GoVersion = go, Requires = requires, Replaces = replaces, Excludes = excludes, Errors = errors };

        string? Apply(string verb, List<string> args, bool indirect)
        {
            switch (verb)
            {
                case "module":
                    if (args.Count != 1) return "usage: module module/path";
                    module = args[0];
                    return null;
                case "go":
                    if (args.Count != 1 || GoVersions.Minor(args[0]) is null) return "usage: go 1.23";
                    go = args[0];
                    return null;
                case "require":
                    if (args.Count != 2) return "usage: require module/path v1.2.3";
                    requires.Add(new ModRequire(args[0], args[1], indirect));
                    return null;
                case "exclude":
                    if (args.Count != 2) return "usage: exclude module/path v1.2.3";
                    excludes.Add(new ModExclude(args[0], args[1]));
                    return null;
                case "replace":
                    return ParseReplace(args, replaces);
                default:
                    return null;
            }
        }
    }

    private static string? ParseReplace(List<string> args, List<ModReplace> replaces)
    {
        int arrow = args.IndexOf("=>");
        if (arrow is not (1 or 2) || args.Count - arrow - 1 is not (1 or 2))
            return "usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory";
        string? oldVersion = arrow == 2 ? args[1] : null;
        string newPath = args[arrow + 1];
        string? newVersion = args.Count - arrow - 1 == 2 ? args[arrow + 2] : null;
        if (newVersion is null && !IsLocalPath(newPath))
            return $"replacement module without version must be directory path (rooted or starting with ./ or ../)";
        replaces.Add(new ModReplace(args[0], oldVersion, newPath, newVersion));
        return null;
    }

    /// <summary>Replacement targets without a version must be directories: rooted, or starting with ./ or ../.</summary>
    public static bool IsLocalPath(string p) =>
        p.StartsWith("./", StringComparison.Ordinal) || p.StartsWith("../", StringComparison.Ordinal) ||
        p == "." || p == ".." || Path.IsPathRooted(p) || p.StartsWith(".\\", StringComparison.Ordinal) || p.StartsWith("..\\", StringComparison.Ordinal);

    /// <summary>Splits a line into tokens ("=>", "(", ")", quoted strings, words) and the text of a trailing // comment.</summary>
    private static (List<string> Tokens, string Comment) Tokenize(string line, out string? error)
    {
        var tokens = new List<string>();
        error = null;
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '/' && i + 1 < line.Length && line[i + 1] == '/') return (tokens, line[(i + 2)..]);
            if (c is '(' or ')') { tokens.Add(c.ToString()); i++; continue; }
            if (c == '=' && i + 1 < line.Length && line[i + 1] == '>') { tokens.Add("=>"); i += 2; continue; }
            if (c is '"' or '`')
            {
                int end = line.IndexOf(c, i + 1);
                while (c == '"' && end > 0 && line[end - 1] == '\\') end = line.IndexOf(c, end + 1);
                if (end < 0) { error = "unterminated quoted string"; return (tokens, ""); }
                var quoted = line[i..(end + 1)];
                var value = MapScope.Syntax.StringLiteral.Unquote(System.Text.Encoding.UTF8.GetBytes(quoted));
                if (value is null) { error = "invalid quoted string " + quoted; return (tokens, ""); }
                tokens.Add(value);
                i = end + 1;
                continue;
            }
            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]) && line[i] is not ('(' or ')' or '"' or '`')
                   && !(line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/')
                   && !(line[i] == '=' && i + 1 < line.Length && line[i + 1] == '>'))
                i++;
            tokens.Add(line[start..i]);
        }
        return (tokens, "");
    }
}
