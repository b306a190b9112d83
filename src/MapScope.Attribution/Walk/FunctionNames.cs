using System.Text;

namespace MapScope.Attribution.Walk;

/// <summary>
/// Function names as tracebacks and profiles print them ("example.com/shop/cache.(*Cache).Put",
/// "main.main.func1", "main.Map[...].Get") reduced to the part after the package qualifier, which is how
/// <see cref="FunctionUnit"/>s are matched: "(*Cache).Put", "main.func1", "Map.Get".
/// </summary>
internal static class FunctionNames
{
    public static string Local(string function)
    {
        var name = function;
        if (name.EndsWith("-fm", StringComparison.Ordinal)) name = name[..^3]; // method value wrapper
        int stop = name.IndexOfAny(['(', '[']);
        int slash = (stop < 0 ? name : name[..stop]).LastIndexOf('/');
        if (slash >= 0) name = name[(slash + 1)..];
        int dot = name.IndexOf('.');
        if (dot >= 0) name = name[(dot + 1)..];
        return WithoutTypeArguments(name);
    }

    public static string LocalOf(FunctionUnit unit, string packageName) =>
        unit.GoName.StartsWith(packageName + ".", StringComparison.Ordinal) ? unit.GoName[(packageName.Length + 1)..] : unit.GoName;

    private static string WithoutTypeArguments(string name)
    {
        if (!name.Contains('[')) return name;
        var sb = new StringBuilder(name.Length);
        int depth = 0;
        foreach (var c in name)
        {
            if (c == '[') depth++;
            else if (c == ']') depth = Math.Max(0, depth - 1);
            else if (depth == 0) sb.Append(c);
        }
        return sb.ToString();
    }
}
