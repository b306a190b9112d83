using System.CommandLine;
using MapScope.Attribution.Joins;
using MapScope.Attribution.Source;
using MapScope.Cli.Output;
using MapScope.Evidence.Pprof;
using MapScope.Reports.Heap;

namespace MapScope.Cli.Commands;

/// <summary>
/// `mapscope heap PROFILE [--source DIR] [--base BASE] [--sample-index NAME] [--top N]
/// [--fail-on-growth PCT|SIZE] [--format text|json|html] [--output FILE] [--max-decompressed SIZE]`:
/// explains a Go heap profile by allocation site (and, with --source, by map); with --base, what grew.
/// Exit 0 clean, 1 when --fail-on-growth trips, 2 bad usage or an unreadable/corrupt profile.
/// </summary>
internal static class HeapCommand
{
    private const string Details =
        "PROFILE is a pprof heap profile: gzip'd or raw profile.proto (`go tool pprof` input, /debug/pprof/heap)\n" +
        "or the legacy text format (/debug/pprof/heap?debug=1); - reads stdin.\n" +
        "--base compares against an earlier profile with pprof's -diff_base semantics: values are now minus base,\n" +
        "percentages are relative to the base total, sites are listed growth first.\n" +
        "--fail-on-growth 10% fails when the total, a map or a site grew by more than 10% of the base total;\n" +
        "--fail-on-growth 50MB when any grew by more than 50 MB.\n" +
        "Exit codes: 0 clean, 1 the growth gate failed, 2 bad usage or an unreadable or corrupt profile.";

    public static Command Create(CliContext context)
    {
        var profile = new Argument<string>("PROFILE") { Description = "heap profile (proto, gzip'd proto, or debug=1 text), or - for stdin" };
        var source = new Option<string?>("--source") { Description = "Go source tree the profile was built from, to attribute sites to maps", HelpName = "DIR" };
        var baseOption = new Option<string?>("--base") { Description = "earlier profile to compare against (pprof -diff_base)", HelpName = "BASE" };
        var sampleIndex = new Option<string?>("--sample-index") { Description = "sample type; default: the profile's default (inuse_space)", HelpName = "inuse_space|inuse_objects|alloc_space|alloc_objects" };
        var top = new Option<int>("--top") { Description = "how many sites to list", DefaultValueFactory = _ => 20, HelpName = "N" };
        var gate = new Option<string?>("--fail-on-growth") { Description = "exit 1 when the total, a map or a site grew more than this vs --base", HelpName = "PCT|SIZE" };
        var format = new Option<string>("--format", "-f") { Description = "report format", DefaultValueFactory = _ => "text", HelpName = "text|json|html" };
        format.AcceptOnlyFromAmong("text", "json", "html");
        var output = new Option<string?>("--output", "-o") { Description = "write the report to FILE instead of stdout", HelpName = "FILE" };
        var maxSize = new Option<string>("--max-decompressed")
        {
            Description = "largest decompressed profile accepted",
            DefaultValueFactory = _ => "1GiB",
            HelpName = "SIZE",
        };

        var command = new MapScopeCommand("heap", "Explain a Go heap profile: which sites (and maps) hold the memory") { Details = Details };
        command.Add(profile);
        var maxInput = InputLimit.Create(ProfileReadOptions.DefaultMaxDecompressedBytes, "profile file", "as read, before decompression");
        foreach (var o in new Option[] { source, baseOption, sampleIndex, top, gate, format, output, maxSize, maxInput }) command.Add(o);
        command.Examples.Add("mapscope heap heap.pb.gz --source .");
        command.Examples.Add("mapscope heap now.pb.gz --base yesterday.pb.gz");
        command.Examples.Add("mapscope heap new.pb.gz --base main.pb.gz --fail-on-growth 10%  # CI memory gate");
        command.Examples.Add("mapscope heap heap.pb.gz --format html -o heap.html");
        command.SetAction(parse => Run(context, new Request(
            parse.GetRequiredValue(profile), parse.GetValue(source), parse.GetValue(baseOption), parse.GetValue(sampleIndex),
            parse.GetValue(top), parse.GetValue(gate), parse.GetRequiredValue(format), parse.GetValue(output), parse.GetRequiredValue(maxSize),
            InputLimit.Parse(parse.GetRequiredValue(maxInput)))));
        return command;
    }

    private sealed record Request(string Profile, string? Source, string? Base, string? SampleIndex, int Top,
        string? Gate, string Format, string? Output, string MaxDecompressed, long MaxInput);

    private static int Run(CliContext context, Request request)
    {
        var cwd = context.Host.WorkingDirectory;
        if (request.Top < 0) return Usage(context, "--top must be 0 or more");
        long limit = InputLimit.Parse(request.MaxDecompressed, "--max-decompressed");
        GrowthGate? gate = null;
        if (request.Gate is not null)
        {
            gate = GrowthGate.Parse(request.Gate, out var gateError);
            if (gate is null) return Usage(context, gateError!);
            if (request.Base is null) return Usage(context, "--fail-on-growth needs --base to compare against");
        }
        var destination = ReportFile.For(context, request.Output,
            new ProtectedInputs(cwd, context.Host).File(request.Profile).File(request.Base).Tree(request.Source, $"--source {request.Source}"));
        if (request.Profile == "-" && request.Base == "-") return Usage(context, "only one of PROFILE and --base can be stdin");

        var options = new ProfileReadOptions { MaxDecompressedBytes = limit };
        var sourceDir = SourceTreeOption.Resolve(context, request.Source);
        var profile = Load(context, request.Profile, options, request.MaxInput);
        if (profile is null) return CliApp.ExitUsage;
        Profile? baseProfile = null;
        if (request.Base is not null)
        {
            baseProfile = Load(context, request.Base, options, request.MaxInput);
            if (baseProfile is null) return CliApp.ExitUsage;
        }

        ISiteAttributor? attributor = null;
        if (sourceDir is not null) attributor = new HeapSiteAttributor(new SourceIndex(sourceDir));

        HeapReport report;
        try
        {
            report = HeapReportBuilder.Build(profile, DisplayPaths.For(request.Profile, cwd),
                new HeapReportOptions { SampleIndex = request.SampleIndex, Top = request.Top, Attributor = attributor },
                baseProfile, request.Base is null ? null : DisplayPaths.For(request.Base, cwd));
        }
        catch (UnknownSampleTypeException e)
        {
            return Usage(context, $"--sample-index: {e.Message}");
        }
        catch (IncompatibleProfilesException e)
        {
            context.ReportInputError(DisplayPaths.For(request.Base!, cwd), e.Message);
            return CliApp.ExitUsage;
        }
        if (gate is not null && report.Unit != "bytes" && gate.Amount is not null)
            return Usage(context, $"--fail-on-growth {request.Gate}: a size needs a space sample type, not {report.SampleType}");

        destination.Write(w => Render(report, request.Format, w));

        if (gate is null) return CliApp.ExitClean;
        var violations = gate.Violations(report);
        foreach (var v in violations) context.ReportError($"growth gate: {v}");
        return violations.Count > 0 ? CliApp.ExitFindings : CliApp.ExitClean;
    }

    private static Profile? Load(CliContext context, string path, ProfileReadOptions options, long maxInput)
    {
        var display = DisplayPaths.For(path, context.Host.WorkingDirectory);
        try
        {
            if (path == "-")
            {
                using var stdin = new LimitedStream(context.Host.OpenStdin(), maxInput);
                return ProfileReader.Read(stdin, options);
            }
            var full = Path.GetFullPath(path, context.Host.WorkingDirectory);
            if (Directory.Exists(full)) throw new IOException("is a directory, not a profile");
            using var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
            // A regular file's size is known: refuse it before reading; devices and FIFOs are cut off while reading.
            if (file.CanSeek && file.Length > maxInput) throw new MapScope.Syntax.Input.InputTooLargeException(maxInput, InputLimit.Flag);
            if (file.CanSeek && file.Length > 0) return ProfileReader.Read(file, options);
            using var limited = new LimitedStream(file, maxInput);
            return ProfileReader.Read(limited, options);
        }
        catch (ProfileFormatException e)
        {
            context.ReportInputError(display, InputErrors.OneLine(e.Message));
        }
        catch (Exception e) when (InputErrors.IsInputError(e))
        {
            context.ReportInputError(display, InputErrors.Describe(e));
        }
        return null;
    }

    private static void Render(HeapReport report, string format, TextWriter writer)
    {
        switch (format)
        {
            case "json":
                EvidenceIo.WriteBytes(writer, s => HeapJsonReport.Write(report, s));
                break;
            case "html":
                HeapHtmlReport.Write(report, writer);
                break;
            default:
                HeapTextReport.Write(report, writer);
                break;
        }
    }

    private static int Usage(CliContext context, string message)
    {
        context.ReportError(message);
        context.Error.WriteLine("run 'mapscope heap --help' for usage");
        return CliApp.ExitUsage;
    }
}
