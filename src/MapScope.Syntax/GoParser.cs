using MapScope.Syntax.Ast;

namespace MapScope.Syntax;

/// <summary>Entry point of the syntax layer: parse Go source files the way go/parser does.</summary>
public static class GoParser
{
    /// <summary>
    /// Parses one file (comments kept) as the newest go/parser does (<see cref="GoVersion.Latest"/>).
    /// Never throws on bad input; errors are in the result.
    /// </summary>
    public static ParsedFile ParseFile(string path, byte[] source) => ParseFile(path, source, GoVersion.Latest, out _);

    /// <summary>Parses one file as go/parser of the given Go release does: same verdict, same tree.</summary>
    public static ParsedFile ParseFile(string path, byte[] source, GoVersion version) => ParseFile(path, source, version, out _);

    // Deeply nested input that a pool thread's stack cannot hold is parsed again on a thread whose
    // stack reaches go/parser's nesting limit; stacks are reserved lazily, so this costs only when used.
    private const int DeepStackBytes = 256 << 20;

    internal static ParsedFile ParseFile(string path, byte[] source, GoVersion version, out long steps)
    {
        var lines = new LineTable(source);
        var parser = new Parser(source, lines, version);
        var file = parser.ParseFileSafely();
        if (parser.StackExhausted)
        {
            parser = new Parser(source, lines, version);
            var deep = parser;
            var thread = new Thread(() => file = deep.ParseFileSafely(), DeepStackBytes);
            thread.Start();
            thread.Join();
        }
        steps = parser.Steps;
        file ??= new Ast.File { Name = new Ident(Node.NoPos, "") };
        var errors = parser.Errors;
        // errors sorted by position, like go/scanner's ErrorList.Sort
        var sorted = errors.Count > 1 ? errors.OrderBy(e => e.Offset).ToList() : errors;
        return new ParsedFile(path, source, file, sorted, lines);
    }

    /// <summary>Parses many files in parallel; results in the input order.</summary>
    public static ParsedFile[] ParseFiles(IReadOnlyList<(string Path, byte[] Source)> files, int maxParallelism = -1) =>
        ParseFiles(files, GoVersion.Latest, maxParallelism);

    /// <summary>Parses many files in parallel as go/parser of the given release does; results in the input order.</summary>
    public static ParsedFile[] ParseFiles(IReadOnlyList<(string Path, byte[] Source)> files, GoVersion version, int maxParallelism = -1)
    {
        var results = new ParsedFile[files.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism };
        Parallel.For(0, files.Count, options, i => results[i] = ParseFile(files[i].Path, files[i].Source, version));
        return results;
    }
}
