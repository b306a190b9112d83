using MapScope.Evidence.Escape;
using MapScope.Reports.Source;

namespace MapScope.Reports.Escape;

/// <summary>
/// The plain-text escape report in the "path:line:col: message (id)" convention: heap maps with their
/// reason and deciding flow step, then keys and values leaking into maps grouped by map. With --source
/// facts, each map is named after the variable or field it is stored in, with its declaration.
/// </summary>
public static class EscapeTextReport
{
    public static void Write(EscapeLog log, string input, Func<string, string> displayPath, TextWriter w, EscapeSourceFacts? source = null)
    {
        foreach (var m in log.Maps)
        {
            w.WriteLine($"{displayPath(m.Position.File)}:{m.Position.Line}:{m.Position.Column}: {m.Expression} is on the heap: {EscapeDescriptions.Explain(m.Reason)} ({EscapeDescriptions.Id(m.Reason)})");
            if (m.DecidingStep is { } s) w.WriteLine($"    because: {s.Expression} ({s.Reason}){(s.At is { } at ? $" at {displayPath(at.File)}:{at.Line}:{at.Column}" : "")}");
            foreach (var copy in m.Copies)
                w.WriteLine($"    inlined at {displayPath(copy.CallSite.File)}:{copy.CallSite.Line}:{copy.CallSite.Column}: {(copy.Escapes ? $"{EscapeDescriptions.Explain(copy.Reason)} ({EscapeDescriptions.Id(copy.Reason)})" : "stays on the stack")}");
            if (source is not null)
            {
                var f = source.Map(m);
                w.WriteLine(f switch
                {
                    { Map: { } decl } => $"    map: {MapFactsText.Declaration(decl, source.Path)}",
                    { StoredAs: { } note } => $"    map: {note}",
                    _ => "    map: not found in --source",
                });
            }
        }
        var leaks = source?.Leaks ?? log.Leaks;
        foreach (var group in leaks.GroupBy(l => (l.MapExpression, l.Kind is MapLeakKind.MapLiteralKey or MapLeakKind.MapLiteralValue ? l.At : null)))
        {
            var first = group.First();
            var named = source?.Leak(first) is { Map: { } decl } ? $" = {MapFactsText.Declaration(decl, source.Path)}" : "";
            w.WriteLine($"map {group.Key.MapExpression}{(first.At is { } at ? $" ({displayPath(at.File)}:{at.Line}:{at.Column})" : "")}{named}: {group.Count()} thing(s) leak to the heap through it");
            foreach (var l in group)
                w.WriteLine($"  {displayPath(l.Position.File)}:{l.Position.Line}:{l.Position.Column}: {l.What} leaks as {EscapeDescriptions.Id(l.Kind).Replace('-', ' ')} {l.Operation} ({EscapeDescriptions.Id(l.Kind)})");
        }
        foreach (var s in log.StackMaps)
            w.WriteLine($"{displayPath(s.Position.File)}:{s.Position.Line}:{s.Position.Column}: {s.Expression} stays on the stack");
        var c = log.Lines;
        var dropped = source is { DroppedIndexedStores: > 0 } ? $" ({source.DroppedIndexedStores} indexed stores into slices or arrays dropped)" : "";
        w.WriteLine($"{input}: {log.Maps.Count} heap maps, {leaks.Count} keys/values leaking into maps{dropped}, {log.StackMaps.Count} stack maps; {c.Total} lines, {c.Unknown} not understood{(c.Files > 1 ? $", {c.Files} files" : "")}");
    }
}
