using MapScope.Analysis.Framework;
using MapScope.Analysis.Rules.Shared;
using MapScope.Semantics.Types;
using MapScope.Syntax;
using MapScope.Syntax.Ast;

namespace MapScope.Analysis.Rules.NilMapWrite;

/// <summary>Writes to a map that is certainly nil on the path that reaches them: "assignment to entry in nil map".</summary>
public sealed class NilMapWriteAnalyzer : Analyzer
{
    public override string Id => "nil-map-write";
    public override string Title => "write to a map that is still nil";
    public override Severity DefaultSeverity => Severity.Error;

    public override string Doc => """
        Reading a nil map yields zero values, but writing to one (`m[k] = v`, `m[k] += v`, `m[k]++`) panics with
        `assignment to entry in nil map`. This rule reports writes to maps that nothing has initialized yet:

        - a local `var m map[K]V` declared without a value (or set to `nil`), or a named result, written before
          anything assigns it;
        - `p := new(map[K]V)` written through as `(*p)[k] = v`;
        - a map field of a struct built without it (`T{...}` omitting the field, `var t T`, `new(T)`) and written
          before anything assigns the field;
        - an unexported map field that no code in the package ever initializes: no composite literal sets it
          and nothing assigns it, so every write panics;
        - a variable holding the result of a function of the same package that always returns `nil` for its map;
        - `c := maps.Clone(m)` where `m` is a parameter (any caller may pass nil) or a map known to be nil:
          `maps.Clone(nil)` returns nil.

        The rule stays silent when anything may have initialized the map before the write: an assignment earlier in
        the function or anywhere in an enclosing loop, taking its address, assignments in closures, passing a
        pointer, method calls on the struct, or `goto` in the function.

        Fix: initialize the map before writing, `m := make(map[K]V)` or a literal `map[K]V{}`; for struct fields,
        set the field where the struct is built (a constructor), or initialize it lazily before the write.
        """;

    public override string BadExample => """
        type Cart struct{ notes map[string]string }

        func New() *Cart { return &Cart{} }

        func (c *Cart) AddNote(sku, note string) {
        	c.notes[sku] = note // panic: assignment to entry in nil map
        }
        """;

    public override string GoodExample => """
        func New() *Cart { return &Cart{notes: make(map[string]string)} }

        func (c *Cart) AddNote(sku, note string) {
        	c.notes[sku] = note
        }
        """;

    public override void Run(Pass pass)
    {
        var reported = UninitializedFields.Check(pass);
        var nilFuncs = new NilReturningFuncs(pass);
        foreach (var fn in FuncBodies.All(pass.Files))
        {
            var tracked = NilSources.In(pass, fn, nilFuncs);
            if (tracked.Count > 0) new LocalFlow(pass, fn).Check(tracked, reported);
        }
    }
}
