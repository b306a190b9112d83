using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NewMap;

/// <summary>new(map[K]V): a pointer to a nil map, almost always meant as make(map[K]V).</summary>
public sealed class NewMapAnalyzer : Analyzer
{
    public override string Id => "new-map";
    public override string Title => "new(map[K]V) allocates a pointer to a nil map";
    public override Severity DefaultSeverity => Severity.Warning;

    public override string Doc => """
        `new(map[K]V)` allocates a variable of map type and returns a pointer to it; the map itself is the
        zero value, `nil`. Reading through the pointer works, but the first write (`(*p)[k] = v`) panics
        with `assignment to entry in nil map`. It is almost always a mistake for `make(map[K]V)`.

        Fix: use `make(map[K]V)` (maps are already reference-like, a pointer is rarely needed), or, when a
        pointer really is needed, `&map[K]V{}`, which points to an empty, writable map.

        Not reported: `new(map...)` passed straight to a parameter of interface type or returned as an
        interface value — decoders such as `json.Unmarshal` fill such targets themselves —, a pointer that the code
        goes on to fill (kept in a variable that is passed to a function or method, `in.DeepCopyInto(out)`, or
        assigned through, `*p = make(...)`; or stored through another pointer, `*out = new(T)`, as generated
        deep-copy code does), and `new(T)` of a named
        map type with pointer-receiver methods, which are designed to initialize the map through the pointer
        (`func (s *Set) Add(x T) { if *s == nil { *s = Set{} }; ... }`).
        """;

    public override string BadExample => """
        counts := new(map[string]int)
        (*counts)["a"]++ // panic: assignment to entry in nil map
        """;

    public override string GoodExample => """
        counts := make(map[string]int)
        counts["a"]++
        """;

    public override void Run(Pass pass)
    {
        foreach (var file in pass.Files)
        {
            var interfaceTargets = DecodeTargets.Find(pass, file.File);
            Parents? parents = null;
            Inspector.Inspect(file.File, n =>
            {
                if (n is CallExpr { Args.Count: 1 } call && GoAst.IsBuiltinCall(pass, call, "new")
                    && pass.TypeOf(call) is Pointer { Elem: var elem } && elem is Map or Named { Underlying: Map }
                    && !interfaceTargets.Contains(call) && !PointerMethods(elem)
                    && !FilledLater.Is(pass, parents ??= new Parents(file.File), call))
                    Report(pass, file, call, elem);
                return true;
            }, comments: false);
        }
    }

    /// <summary>A named map type with pointer-receiver methods is meant to be used through a pointer (e.g. an Add that makes the map on first use).</summary>
    private static bool PointerMethods(Semantics.Types.Type t) =>
        t is Named n && (n.Origin ?? n).Methods.Any(m => m.Signature.Recv?.Type is Pointer);

    private static void Report(Pass pass, ParsedFile file, CallExpr call, Semantics.Types.Type elem)
    {
        var typeText = GoAst.Text(file, call.Args[0]);
        var message = $"new({typeText}) returns a pointer to a nil map: the first write through it panics with " +
                      $"\"assignment to entry in nil map\"; use make({typeText}) (or &{typeText}{{}} if you need a pointer)";
        // &T{} is only valid when the argument is written as a composite-literal type
        IReadOnlyList<SuggestedFix>? fixes = call.Args[0] is MapType or Ident or SelectorExpr or IndexExpr or IndexListExpr
            ? [new SuggestedFix($"Replace with &{typeText}{{}}", [new TextEdit(file.Path, call.Pos, call.End, $"&{typeText}{{}}")])]
            : null;
        pass.Report(file, call, message, fixes);
    }
}
