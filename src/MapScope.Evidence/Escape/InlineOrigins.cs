namespace MapScope.Evidence.Escape;

/// <summary>
/// Where an inlined copy of an expression came from. -json says it directly ("inlineLoc"); -m=2 text says
/// "inlining call to F" at the call site, where the copy's diagnostics are printed too, and "can inline F" /
/// "cannot inline F" at each function's declaration, which bounds F's body by the next declaration in the
/// file. The origin is then the diagnostic of the same expression inside F's body that is not itself a copy.
/// </summary>
internal sealed class InlineOrigins
{
    private readonly Dictionary<(SourcePosition, string), SourcePosition> _origins = [];
    private readonly Dictionary<SourcePosition, List<string>> _calls = [];
    private readonly Dictionary<(string Package, string Name), List<SourcePosition>> _functionsByName = [];
    private readonly Dictionary<string, List<int>> _declarationLines = new(StringComparer.Ordinal);
    private bool _sorted;
    private Dictionary<(string File, string Subject), List<SourcePosition>>? _known;

    public void AddOrigin(SourcePosition copy, string subject, SourcePosition origin)
    {
        if (copy != origin && _origins.Count < EscapeCollector.MaxSites) _origins[(copy, subject)] = origin;
    }

    public void AddCall(SourcePosition callSite, string function)
    {
        if (!_calls.TryGetValue(callSite, out var chain))
        {
            if (_calls.Count >= EscapeCollector.MaxSites) return;
            _calls[callSite] = chain = [];
        }
        if (!chain.Contains(function)) chain.Add(function);
    }

    /// <summary>A function's declaration; names are per package (a build log holds many packages' "New" and "init").</summary>
    public void AddFunction(string package, SourcePosition declaration, string name)
    {
        if (_functionsByName.Count >= EscapeCollector.MaxSites) return;
        if (!_functionsByName.TryGetValue((package, name), out var list)) _functionsByName[(package, name)] = list = [];
        if (!list.Contains(declaration)) list.Add(declaration);
        if (!_declarationLines.TryGetValue(declaration.File, out var lines)) _declarationLines[declaration.File] = lines = [];
        lines.Add(declaration.Line);
        _sorted = false;
    }

    /// <summary>The origin of the copy at <paramref name="position"/>, or null when it is an original (or its origin is unknown).</summary>
    public SourcePosition? OriginOf(SourcePosition position, string subject, string package, IReadOnlyList<(SourcePosition Position, string Subject)> known)
    {
        // A copy of a copy (F inlined into G, G into main) leads back through G's copy to F's expression.
        SourcePosition? origin = null;
        for (int depth = 0; depth < 16 && OneStep(origin ?? position, subject, package, known) is { } next && next != (origin ?? position); depth++) origin = next;
        return origin;
    }

    private SourcePosition? OneStep(SourcePosition position, string subject, string package, IReadOnlyList<(SourcePosition Position, string Subject)> known)
    {
        if (_origins.TryGetValue((position, subject), out var direct)) return direct;
        if (!_calls.TryGetValue(position, out var chain)) return null;
        if (!_sorted)
        {
            foreach (var lines in _declarationLines.Values) lines.Sort();
            _sorted = true;
        }
        // The innermost inlined call is printed last; a copy's expression is in its body.
        for (int i = chain.Count - 1; i >= 0; i--)
        {
            if (!_functionsByName.TryGetValue((package, BareName(package, chain[i])), out var declarations)) continue;
            foreach (var decl in declarations)
            {
                int end = NextDeclarationLine(decl);
                SourcePosition? best = null;
                if (!Known(known).TryGetValue((decl.File, subject), out var candidates)) continue;
                foreach (var p in candidates)
                {
                    if (p.Line < decl.Line || p.Line >= end || _calls.ContainsKey(p)) continue;
                    if (best is null || (p.Line, p.Column).CompareTo((best.Value.Line, best.Value.Column)) < 0) best = p;
                }
                if (best is { } found) return found;
            }
        }
        return null;
    }

    /// <summary>The known diagnostics by file and expression, built once.</summary>
    private Dictionary<(string File, string Subject), List<SourcePosition>> Known(IReadOnlyList<(SourcePosition Position, string Subject)> known)
    {
        if (_known != null) return _known;
        _known = [];
        foreach (var (p, s) in known)
        {
            if (!_known.TryGetValue((p.File, s), out var list)) _known[(p.File, s)] = list = [];
            list.Add(p);
        }
        return _known;
    }

    private int NextDeclarationLine(SourcePosition decl)
    {
        var lines = _declarationLines[decl.File];
        int i = lines.BinarySearch(decl.Line + 1);
        if (i < 0) i = ~i;
        return i < lines.Count ? lines[i] : int.MaxValue;
    }

    /// <summary>"pkg.F" of a cross-package "inlining call to pkg.F" names the "F" of its own package's "can inline F".</summary>
    private string BareName(string package, string function)
    {
        if (_functionsByName.ContainsKey((package, function))) return function;
        int paren = function.IndexOf('(');
        int dot = paren > 0 ? function.LastIndexOf('.', paren) : function.LastIndexOf('.');
        return dot > 0 ? function[(dot + 1)..] : function;
    }
}
