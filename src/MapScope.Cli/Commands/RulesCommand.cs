using System.CommandLine;
using System.Text;
using MapScope.Analysis.Framework;
using MapScope.Reports.Lint;

namespace MapScope.Cli.Commands;

/// <summary>
/// `mapscope rules [--write-docs DIR]`: lists the lint rules (id, default severity, enabled by default, title),
/// or writes their documentation pages (DIR/ID.md and DIR/README.md) generated from the rules' metadata.
/// </summary>
internal static class RulesCommand
{
    private const string Details =
        "--write-docs DIR writes DIR/RULE-ID.md for every rule and DIR/README.md (the index), and deletes generated\n" +
        "pages of rules that no longer exist. The repository's pages are docs/rules; a test fails when they are stale:\n" +
        "  ./mapscope rules --write-docs docs/rules";

    public static Command Create(CliContext context)
    {
        var writeDocs = new Option<string?>("--write-docs") { Description = "write the rule documentation pages into DIR", HelpName = "DIR" };
        var command = new MapScopeCommand("rules", "List the lint rules, or write their documentation pages") { Details = Details };
        command.Add(writeDocs);
        command.Examples.Add("mapscope rules");
        command.Examples.Add("mapscope rules --write-docs docs/rules");
        command.SetAction(parse => parse.GetValue(writeDocs) is { } dir ? WriteDocs(context, dir) : List(context));
        return command;
    }

    private static int List(CliContext context)
    {
        var rules = LintRules.Current.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        string[] header = ["ID", "SEVERITY", "DEFAULT", "TITLE"];
        var rows = rules.Select(a => new[] { a.Id, a.DefaultSeverity.Name(), a.EnabledByDefault ? "on" : "off", a.Title.Trim() }).ToList();
        var widths = Enumerable.Range(0, 3).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            var line = new StringBuilder();
            for (int i = 0; i < 3; i++) line.Append(row[i].PadRight(widths[i] + 2));
            line.Append(row[3]);
            context.Out.Write(line.ToString().TrimEnd() + "\n");
        }
        if (rules.Count == 0) context.Error.WriteLine("mapscope: no rules are registered yet");
        return CliApp.ExitClean;
    }

    private static int WriteDocs(CliContext context, string dir)
    {
        var full = Path.GetFullPath(dir, context.Host.WorkingDirectory);
        if (File.Exists(full)) throw new UsageException(dir, "--write-docs needs a directory; this is a file");
        var files = RuleDocs.Generate(LintRules.Current.Select(RuleInfo.Of));
        // Only pages this command wrote before (they start with the marker line) are replaced: a hand-written
        // README.md or a page someone edited is refused before anything is written.
        var foreign = files.Keys.Where(name => File.Exists(Path.Combine(full, name)) && !IsGenerated(Path.Combine(full, name))).ToList();
        if (foreign.Count > 0)
            throw new UsageException(Path.Combine(dir, foreign[0]),
                "--write-docs would replace a file it did not generate (its first line is not the generated-page marker); move it away or write the docs to another directory" +
                (foreign.Count > 1 ? $" ({foreign.Count - 1} more: {string.Join(", ", foreign.Skip(1))})" : ""));
        Directory.CreateDirectory(full);
        int removed = 0;
        foreach (var existing in Directory.GetFiles(full, "*.md"))
        {
            if (files.ContainsKey(Path.GetFileName(existing))) continue;
            if (!IsGenerated(existing)) continue; // hand-written (e.g. EVALUATION.md)
            File.Delete(existing);
            removed++;
        }
        foreach (var (name, text) in files)
        {
            // Written beside the page and renamed over it, so an interrupted run leaves whole pages.
            var path = Path.Combine(full, name);
            var temp = Path.Combine(full, $".{name}.{Guid.NewGuid():N}.tmp");
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
        }
        context.Out.WriteLine($"wrote {files.Count} file{(files.Count == 1 ? "" : "s")} to {DisplayPaths.For(dir, context.Host.WorkingDirectory)}" + (removed > 0 ? $", removed {removed} stale" : ""));
        return CliApp.ExitClean;
    }

    private static bool IsGenerated(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var first = new char[RuleDocs.Marker.Length];
        int n = reader.ReadBlock(first, 0, first.Length);
        return new string(first, 0, n) == RuleDocs.Marker;
    }
}
