namespace MapScope.Semantics.Loading;

/// <summary>
/// Parses go.mod: one directive per line or <c>verb ( … )</c> blocks, quoted or bare tokens, // comments
/// (with <c>// indirect</c> on requirements), go/toolchain/godebug lines of any Go release. Unknown
/// directives (retract, tool, ignore, …) are skipped.
/// </summary>
public static class ModFileParser
{
    public static ModFile ParseFile(string path) => Parse(File.ReadAllText(path));

    public static ModFile Parse(string text)
    {
        string module = "";
        string? go = null, toolchain = null;
        var requires = new List<ModRequire>();
        var replaces = new List<ModReplace>();
        var excludes = new List<ModExclude>();
        var godebug = new List<KeyValuePair<string, string>>();
        var errors = new List<string>();
        foreach (var d in Directives(text, errors))
        {
            var error = Apply(d.Verb, d.Args, d.Indirect);
            if (error != null) errors.Add($"{d.Line}: {error}");
        }
        return new ModFile
        {
            ModulePath = module, GoVersion = go, Toolchain = toolchain, GoDebug = godebug,
            Requires = requires, Replaces = replaces, Excludes = excludes, Errors = errors,
        };

        string? Apply(string verb, List<string> args, bool indirect)
        {
            switch (verb)
            {
                case "module":
                    if (args.Count != 1) return "usage: module module/path";
                    module = args[0];
                    return null;
                case "go":
                    return ParseGo(args, ref go);
                case "toolchain":
                    return ParseToolchain(args, ref toolchain);
                case "godebug":
                    return ParseGoDebug(args, godebug);
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

    /// <summary>One directive of a go.mod or go.work file: the verb (of its block, inside one) and its arguments.</summary>
    internal readonly record struct Directive(int Line, string Verb, List<string> Args, bool Indirect);

    /// <summary>The directives of a file, <c>verb ( … )</c> blocks expanded; lexical problems go to <paramref name="errors"/>.</summary>
    internal static List<Directive> Directives(string text, List<string> errors)
    {
        var result = new List<Directive>();
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
            result.Add(new Directive(n + 1, verb, args, indirect));
        }
        if (block != null) errors.Add($"{lines.Length}: unterminated {block} block");
        return result;
    }

    /// <summary>`go 1.N[.P]` or a pre-release `go 1.21rc1` — of any release, newer than the toolchain too.</summary>
    internal static string? ParseGo(List<string> args, ref string? go)
    {
        if (args.Count != 1 || !GoVersions.IsValid(args[0])) return "usage: go 1.23";
        go = args[0];
        return null;
    }

    /// <summary>`toolchain go1.26.3` (or `default`, or a custom name like go1.22.1+auto).</summary>
    internal static string? ParseToolchain(List<string> args, ref string? toolchain)
    {
        if (args.Count != 1) return "usage: toolchain go1.23.4";
        toolchain = args[0];
        return null;
    }

    /// <summary>`godebug key=value`, alone or in a block.</summary>
    internal static string? ParseGoDebug(List<string> args, List<KeyValuePair<string, string>> godebug)
    {
        int i = args.Count == 1 ? args[0].IndexOf('=') : -1;
        if (i <= 0) return "usage: godebug key=value";
        godebug.Add(new(args[0][..i], args[0][(i + 1)..]));
        return null;
    }

    internal static string? ParseReplace(List<string> args, List<ModReplace> replaces)
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
