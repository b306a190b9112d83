using System.Text;
using MapScope.Syntax.Ast;

namespace MapScope.Syntax.Tests;

internal static class ParseHelpers
{
    public static ParsedFile Parse(string source) => GoParser.ParseFile("test.go", Encoding.UTF8.GetBytes(source));

    public static ParsedFile ParseOk(string source)
    {
        var f = Parse(source);
        Assert.True(!f.HasErrors, "unexpected syntax errors: " + string.Join("; ", f.Errors.Select(f.Format)));
        return f;
    }

    public static List<Node> Nodes(ParsedFile f)
    {
        var list = new List<Node>();
        Inspector.Inspect(f.File, n =>
        {
            list.Add(n);
            return true;
        }, comments: false);
        return list;
    }

    public static T Single<T>(ParsedFile f, Func<T, bool>? where = null) where T : Node =>
        Nodes(f).OfType<T>().Single(n => where == null || where(n));

    /// <summary>Byte offset of the n-th occurrence (0-based) of text in source; the expected positions are derived from the text itself.</summary>
    public static int At(string source, string text, int occurrence = 0)
    {
        int i = -1;
        for (int k = 0; k <= occurrence; k++)
        {
            i = source.IndexOf(text, i + 1, StringComparison.Ordinal);
            Assert.True(i >= 0, $"'{text}' #{occurrence} not in source");
        }
        return Encoding.UTF8.GetByteCount(source.AsSpan(0, i));
    }
}
