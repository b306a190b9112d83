using MapScope.Syntax.Ast;

namespace MapScope.Syntax;

/// <summary>The conformance format of `mapscope ast --format spans`.</summary>
public static class AstSpans
{
    /// <summary>Writes "== PATH" then one "KIND START END" line per node, or "ERROR" for a file with syntax errors.</summary>
    public static void Write(ParsedFile file, TextWriter output, string displayPath)
    {
        output.Write("== ");
        output.Write(displayPath);
        output.Write('\n');
        if (file.HasErrors)
        {
            output.Write("ERROR\n");
            return;
        }
        foreach (var line in Lines(file.File)) 
        {
            output.Write(line);
            output.Write('\n');
        }
    }

    /// <summary>The "KIND START END" lines of every node except comments, in walk order.</summary>
    public static List<string> Lines(Ast.File file)
    {
        var lines = new List<string>();
        Inspector.Inspect(file, n =>
        {
            lines.Add($"{n.GetType().Name} {Offset(n.Pos)} {Offset(n.End)}");
            return true;
        }, comments: false);
        return lines;
    }

    private static int Offset(int pos) => pos < 0 ? -1 : pos;
}
