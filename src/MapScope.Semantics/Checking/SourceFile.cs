using MapScope.Syntax;
using MapScope.Syntax.Input;

namespace MapScope.Semantics.Checking;

/// <summary>
/// Reads and parses one source file of a package. A file that cannot be read (permissions, a directory, past
/// the size limit) parses as empty with a single error at its start saying why, so the package is known to be
/// incomplete — reported like a syntax error — instead of silently missing its declarations.
/// </summary>
public static class SourceFile
{
    public const string LimitFlag = "--max-input";

    public static ParsedFile Parse(string path, long maxBytes = BoundedRead.DefaultMaxSourceBytes)
    {
        string? error;
        try
        {
            return GoParser.ParseFile(path, BoundedRead.File(path, maxBytes, LimitFlag));
        }
        catch (FileNotFoundException) { error = "no such file or directory"; }
        catch (DirectoryNotFoundException) { error = "no such file or directory"; }
        catch (IOException e) { error = e.Message; }
        catch (UnauthorizedAccessException) { error = "permission denied"; }
        var empty = GoParser.ParseFile(path, []);
        return new ParsedFile(path, [], empty.File, [new SyntaxError(0, "cannot read the file: " + error)], empty.Lines);
    }
}
