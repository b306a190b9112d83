namespace MapScope.Evidence.Escape;

/// <summary>
/// Gathers explanations and one-line statements from either reader, keeps only what concerns maps (so
/// memory follows the number of map sites, not the log size) and turns them into an <see cref="EscapeLog"/>.
/// </summary>
internal sealed class EscapeCollector
{
    public const int MaxSites = 100_000;

    private readonly Dictionary<(SourcePosition, string), EscapeExplanation> _mapAllocations = [];
    private readonly List<EscapeExplanation> _leakCandidates = [];
    private readonly Dictionary<(SourcePosition, string), StackMap> _stackMaps = [];
    private readonly InlineOrigins _inlining = new();

    /// <summary>"inlining call to F" at a call site (text form): code printed at that position is F's, inlined.</summary>
    public void AddInlining(SourcePosition callSite, string function) => _inlining.AddCall(callSite, function);

    /// <summary>"can inline F" / "cannot inline F" at F's declaration (text form): where F's body starts.</summary>
    public void AddFunction(string package, SourcePosition declaration, string name) => _inlining.AddFunction(package, declaration, name);

    public void AddExplanation(EscapeExplanation e, SourcePosition? origin = null)
    {
        if (EscapeMessages.IsMapAllocation(e.Subject))
        {
            if (_mapAllocations.Count < MaxSites) _mapAllocations[(e.Position, e.Subject)] = e;
            if (origin is { } o) _inlining.AddOrigin(e.Position, e.Subject, o);
            return;
        }
        if (_leakCandidates.Count < MaxSites && e.Steps.Any(s => IsMapLeakStep(s) || IsIndexedHeapAssign(s)))
            _leakCandidates.Add(e);
    }

    /// <summary>A statement without flow ("X escapes to heap", "X does not escape"); -m=1 output is only these.</summary>
    public void AddStatement(string package, SourcePosition position, string message, SourcePosition? origin = null)
    {
        var subject = EscapeMessages.Subject(message);
        if (!EscapeMessages.IsMapAllocation(subject)) return;
        if (origin is { } o) _inlining.AddOrigin(position, subject, o);
        if (message.EndsWith(EscapeMessages.DoesNotEscape, StringComparison.Ordinal))
        {
            if (_stackMaps.Count < MaxSites) _stackMaps.TryAdd((position, subject), new StackMap(package, position, subject));
        }
        else if (message.EndsWith(EscapeMessages.EscapesToHeap, StringComparison.Ordinal) && _mapAllocations.Count < MaxSites)
            _mapAllocations.TryAdd((position, subject), new EscapeExplanation(package, position, message));
    }

    public (IReadOnlyList<MapEscape> Maps, IReadOnlyList<MapLeak> Leaks, IReadOnlyList<StackMap> StackMaps) Build()
    {
        var (maps, stackMaps) = FoldInlinedCopies(_mapAllocations.Values.Select(Classify).ToList(), [.. _stackMaps.Values]);
        maps = [.. maps.OrderBy(m => m.Position.File, StringComparer.Ordinal).ThenBy(m => m.Position.Line).ThenBy(m => m.Position.Column)];

        // Map puts proven by a "(key of map put)" step: "cache[key]" at a line. An indexed assignment to the
        // same text on the same line is then a map put too, not a slice store.
        var mapPuts = new HashSet<(string, int, string)>();
        foreach (var e in _leakCandidates)
            foreach (var s in e.Steps)
                if (s.Reason == "key of map put" && s.At is { } at) mapPuts.Add((at.File, at.Line, s.Expression));

        var leaks = new List<MapLeak>();
        foreach (var e in _leakCandidates)
        {
            foreach (var s in e.Steps)
            {
                MapLeakKind? kind = s.Reason switch
                {
                    "key of map put" => MapLeakKind.KeyOfMapPut,
                    "map literal key" => MapLeakKind.MapLiteralKey,
                    "map literal value" => MapLeakKind.MapLiteralValue,
                    _ => null,
                };
                string operation = s.Expression;
                if (kind == null && IsIndexedHeapAssign(s))
                {
                    operation = AssignedTarget(s.Expression);
                    kind = s.At is { } at && mapPuts.Contains((at.File, at.Line, operation)) ? MapLeakKind.ValueOfMapPut : MapLeakKind.IndexedStore;
                }
                if (kind == null) continue;
                leaks.Add(new MapLeak(e.Package, e.Position, e.Subject, kind.Value, s.At, operation));
                break; // one leak per statement: the first map step explains it
            }
        }
        leaks.Sort((a, b) => (a.Position.File, a.Position.Line, a.Position.Column).CompareTo((b.Position.File, b.Position.Line, b.Position.Column)));
        var stack = stackMaps.OrderBy(m => m.Position.File, StringComparer.Ordinal).ThenBy(m => m.Position.Line).ToList();
        return (maps, leaks, stack);
    }

    /// <summary>
    /// One entry per map-making expression of the source: the copies the compiler inlined into callers (and
    /// reported at the call sites) are listed under their origin. An origin that stays on the stack in its own
    /// function but escapes in a caller's copy is a heap map, with the reason of its first escaping copy.
    /// </summary>
    private (List<MapEscape> Maps, List<StackMap> Stack) FoldInlinedCopies(List<MapEscape> heap, List<StackMap> stack)
    {
        var known = new List<(SourcePosition, string)>(heap.Count + stack.Count);
        known.AddRange(heap.Select(m => (m.Position, m.Expression)));
        known.AddRange(stack.Select(s => (s.Position, s.Expression)));
        var groups = new Dictionary<(SourcePosition, string), OriginGroup>();
        OriginGroup Group(SourcePosition p, string subject, string package) =>
            groups.TryGetValue((p, subject), out var g) ? g : groups[(p, subject)] = new OriginGroup(package);
        foreach (var m in heap)
        {
            if (_inlining.OriginOf(m.Position, m.Expression, m.Package, known) is { } origin)
                Group(origin, m.Expression, m.Package).Copies.Add(new InlinedCopy(m.Position, true, m.Reason, m.DecidingStep));
            else Group(m.Position, m.Expression, m.Package).Self = m;
        }
        foreach (var s in stack)
        {
            if (_inlining.OriginOf(s.Position, s.Expression, s.Package, known) is { } origin)
                Group(origin, s.Expression, s.Package).Copies.Add(new InlinedCopy(s.Position, false, MapEscapeReason.Unknown, null));
            else Group(s.Position, s.Expression, s.Package).StaysOnStack = true;
        }
        var maps = new List<MapEscape>();
        var stackMaps = new List<StackMap>();
        foreach (var ((position, subject), g) in groups)
        {
            var copies = g.Copies.OrderBy(c => c.CallSite.File, StringComparer.Ordinal).ThenBy(c => c.CallSite.Line).ThenBy(c => c.CallSite.Column).ToList();
            if (g.Self is { } self) maps.Add(self with { Copies = copies });
            else if (copies.FirstOrDefault(c => c.Escapes) is { } escaping)
                maps.Add(new MapEscape(g.Package, position, subject, escaping.Reason, escaping.DecidingStep, []) { Copies = copies });
            else stackMaps.Add(new StackMap(g.Package, position, subject));
        }
        return (maps, stackMaps);
    }

    private sealed class OriginGroup(string package)
    {
        public string Package { get; } = package;
        public MapEscape? Self { get; set; }
        public bool StaysOnStack { get; set; }
        public List<InlinedCopy> Copies { get; } = [];
    }

    private static MapEscape Classify(EscapeExplanation e)
    {
        foreach (var s in e.Steps)
        {
            MapEscapeReason? reason = s.Reason switch
            {
                "captured by a closure" => MapEscapeReason.CapturedByClosure,
                "return" => MapEscapeReason.Returned,
                "key of map put" or "map literal key" or "map literal value" => MapEscapeReason.StoredInMap,
                "call parameter" => MapEscapeReason.PassedToCall,
                "interface-converted" => MapEscapeReason.ConvertedToInterface,
                "struct literal element" or "slice-literal-element" or "array-literal-element" => MapEscapeReason.StoredInLiteral,
                "assign" or "assign-pair" when s.Destination == "{heap}" => AssignReason(s.Expression),
                _ => null,
            };
            if (reason != null) return new MapEscape(e.Package, e.Position, e.Subject, reason.Value, s, e.Steps);
        }
        var fallback = e.Steps.Any(s => s.Destination == "{heap}") ? MapEscapeReason.StoredInHeap : MapEscapeReason.Unknown;
        return new MapEscape(e.Package, e.Position, e.Subject, fallback, null, e.Steps);
    }

    /// <summary>"registry = make(…)" → global; "byTenant[name] = inner" → another map; "p.field = m" → some heap object.</summary>
    private static MapEscapeReason AssignReason(string expression)
    {
        var target = AssignedTarget(expression);
        if (target.Contains('[')) return MapEscapeReason.StoredInMap;
        return target.Length > 0 && target.All(c => char.IsLetterOrDigit(c) || c == '_') ? MapEscapeReason.AssignedToGlobal : MapEscapeReason.StoredInHeap;
    }

    private static string AssignedTarget(string expression)
    {
        int eq = expression.IndexOf(" = ", StringComparison.Ordinal);
        return eq < 0 ? "" : expression[..eq];
    }

    private static bool IsMapLeakStep(FlowStep s) => s.Reason is "key of map put" or "map literal key" or "map literal value";

    private static bool IsIndexedHeapAssign(FlowStep s) =>
        s.Destination == "{heap}" && s.Reason == "assign" && AssignedTarget(s.Expression).EndsWith(']');
}
