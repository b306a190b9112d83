namespace MapScope.Cli.Output;

/// <summary>
/// What a command reads, so that --output can never replace it: input files (compared by device and inode,
/// so symlinks and hard links count), and trees (--source, a -json folder, the linted packages' folders) in
/// which only new files and earlier reports may be written.
/// </summary>
internal sealed class ProtectedInputs
{
    /// <summary>Files the Go toolchain and mapscope itself read wherever they are: never a report.</summary>
    public static readonly string[] ProtectedNames = ["go.mod", "go.sum", "go.work", "go.work.sum", ".mapscope.yml"];

    /// <summary>The only kinds of existing file --output may replace inside an input tree: reports.</summary>
    public static readonly string[] ReportExtensions = [".txt", ".json", ".sarif", ".html", ".htm", ".svg", ".xml", ".out"];

    private readonly List<(string Given, string Full)> _files = [];
    private readonly List<(string Label, string Real, bool EveryFile)> _trees = [];
    private readonly string _cwd;
    private readonly bool _stdinIsDescriptorZero;

    public ProtectedInputs(string workingDirectory, CliHost? host = null)
    {
        _cwd = workingDirectory;
        _stdinIsDescriptorZero = host?.StdinIsFileDescriptorZero ?? false;
    }

    private FileIdentity? _stdin;

    /// <summary>An input file as the user gave it; "-" is stdin (a file redirected into it counts); null is ignored.</summary>
    public ProtectedInputs File(string? path)
    {
        if (path == "-" && _stdinIsDescriptorZero) _stdin = FileIdentity.OfDescriptor(0) is { IsRegular: true } s ? s : null;
        else if (path is not null and not "-") _files.Add((path, Path.GetFullPath(path, _cwd)));
        return this;
    }

    /// <summary>
    /// A folder whose files are read; <paramref name="label"/> names it in messages ("--source src").
    /// <paramref name="everyFile"/>: every file in it is read (a -json folder), so no report may go there at all.
    /// </summary>
    public ProtectedInputs Tree(string? path, string label, bool everyFile = false)
    {
        if (path is null or "-") return this;
        var full = Path.GetFullPath(path, _cwd);
        if (Directory.Exists(full)) _trees.Add((label, FileIdentity.RealPathOf(full), everyFile));
        return this;
    }

    /// <summary>Why writing to <paramref name="output"/> would lose something the user has, or null when it is safe.</summary>
    public string? Refusal(string output)
    {
        var full = Path.GetFullPath(output, _cwd);
        if (Directory.Exists(full)) return "--output is a directory";
        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
            return System.IO.File.Exists(parent) ? $"--output: {parent} is not a directory" : $"--output: no such directory {parent}";
        var real = FileIdentity.RealPathOf(full);
        foreach (var name in new[] { Path.GetFileName(full), Path.GetFileName(real) })
        {
            if (ProtectedNames.Contains(name, StringComparer.Ordinal))
                return $"--output would replace {name}, which the go command reads; write the report to another file";
            if (name.EndsWith(".go", StringComparison.Ordinal))
                return "--output would replace a Go source file; write the report to another file";
        }
        foreach (var (label, tree, everyFile) in _trees)
            if (everyFile && Under(real, tree))
                return $"--output is inside {label}, whose every file is read as input; write the report elsewhere";
        var target = FileIdentity.Of(full);
        if (target is { } t)
        {
            if (_stdin is { } stdin && stdin.SameFileAs(t))
                return "--output is the file redirected into stdin; write the report to another file";
            foreach (var (given, inputFull) in _files)
                if (FileIdentity.Of(inputFull) is { } input && input.SameFileAs(t))
                    return given == output ? "--output is the input; write the report to another file"
                        : $"--output is the input {given} (the same file); write the report to another file";
            if (t.IsRegular && !IsReport(real))
                foreach (var (label, tree, _) in _trees)
                    if (Under(real, tree))
                        return $"--output would replace {DisplayPaths.For(real, _cwd)} in {label}, which is not a report; " +
                               $"write to a new file or one ending in {string.Join(' ', ReportExtensions)}";
        }
        return null;
    }

    private static bool IsReport(string path) => ReportExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static bool Under(string path, string tree)
    {
        var relative = Path.GetRelativePath(tree, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
