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
          `maps.Clone(nil)` returns nil; also `maps.Clone(cfg.F)` of a local struct that only a decoder
          (`json.Unmarshal(b, &cfg)`, `dec.Decode(&cfg)`) fills, which leaves `F` nil when the input lacks it;
        - a local map assigned only inside an `if` without `else` (`if ok { json.Unmarshal(b, &m) }`) and written
          by a later statement of the same block: the path that skips the branch leaves it nil;
        - a map field of a zero struct that only a decoder fills (`var msg T; dec.Decode(&msg); msg.Meta[k] = v`)
          when nothing checks the field against nil and `T` has no decoding method of its own;
        - an unexported package-level `var m map[K]V` that nothing in the package assigns;
        - `m[a][b] = v` into a local map of maps made empty in the function when nothing stores an inner map;
        - a map field written through the receiver or a parameter without a nil check when the package
          shows how it is nil: a literal of the type makes its other map fields but not this one and nothing sets
          it (a constructor that forgot one); some code resets it to `nil` (outside Close/Stop-like methods and methods that also set a flag
          of the value) and nothing makes it again; or the write
          sits under `if len(x.f) == 0` / `if x.f == nil` without assigning `x.f` while values of the type can lack
          it (a literal omits it, or the type is decoded from JSON/YAML and the field is unexported).

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
        UninitializedVars.Check(pass, reported);
        var nilFuncs = new NilReturningFuncs(pass);
        foreach (var fn in FuncBodies.All(pass.Files))
        {
            var tracked = NilSources.In(pass, fn, nilFuncs);
            if (tracked.Count > 0) new LocalFlow(pass, fn).Check(tracked, reported);
            NilInnerMaps.Check(pass, fn, reported);
        }
        // after the local analysis, whose messages are more specific
        FieldPaths.Check(pass, reported);
    }
}
