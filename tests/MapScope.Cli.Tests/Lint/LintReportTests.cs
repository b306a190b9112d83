using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using MapScope.Analysis.Framework;
using MapScope.Analysis.Lint;
using MapScope.Reports.Lint;

namespace MapScope.Cli.Tests.Lint;

/// <summary>Every lint format escapes what it must and carries the finding intact.</summary>
public class LintReportTests
{
    // quotes, markup, percent, commas, colons, a line break, a control character, non-ASCII and an astral character
    private const string Nasty = "map \"m\" <b>&amp; 100% full, key: \"a\tb\"\nnext line \u0001 café 🗺";
    private const string NastyFile = "dir, with: spaces/f%.go";

    private static LintResult Result()
    {
        var analyzer = new MapIndexWriteAnalyzer();
        var d = new Diagnostic("test-map-write", Severity.Error, NastyFile, 3, 5, 20, 26, Nasty)
        {
            EndLine = 3,
            EndColumn = 11,
            Fixes = [new SuggestedFix("use make", [new TextEdit(NastyFile, 20, 26, "make(map[string]int)")])],
            Related = [("other.go", 7, 1, "also written here")],
        };
        var info = new Diagnostic("ignore-directive", Severity.Info, "a.go", 1, 1, 0, 5, "plain");
        return new LintResult([info, d], [new ActiveRule(analyzer, Severity.Warning)], [], ["p: syntax error"], [new InternalError("test-quiet", "example.com/p", "NullReferenceException: x")], 2);
    }

    private static string Render(Action<Stream> write)
    {
        using var s = new MemoryStream();
        write(s);
        return Encoding.UTF8.GetString(s.ToArray());
    }

    [Fact]
    public void TextIsOneLinePerFinding()
    {
        var w = new StringWriter();
        LintTextReport.Write(Result(), w);
        Assert.Equal(
            "a.go:1:1: plain (ignore-directive)\n" +
            $"{NastyFile}:3:5: map \"m\" <b>&amp; 100% full, key: \"a\tb\" next line \u0001 café 🗺 (test-map-write)\n", w.ToString());
    }

    [Fact]
    public void JsonRoundTripsEveryField()
    {
        var doc = JsonDocument.Parse(Render(s => LintJsonReport.Write(Result(), s))).RootElement;
        Assert.Equal("mapscope.lint/1", doc.GetProperty("schema").GetString());
        var d = doc.GetProperty("diagnostics")[1];
        Assert.Equal(Nasty, d.GetProperty("message").GetString());
        Assert.Equal(NastyFile, d.GetProperty("file").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal((3, 5, 3, 11), (d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("endLine").GetInt32(), d.GetProperty("endColumn").GetInt32()));
        Assert.Equal("make(map[string]int)", d.GetProperty("fixes")[0].GetProperty("edits")[0].GetProperty("newText").GetString());
        Assert.Equal("other.go", d.GetProperty("related")[0].GetProperty("file").GetString());
        Assert.Equal("warning", doc.GetProperty("rules")[0].GetProperty("severity").GetString());
        Assert.Equal("test-quiet", doc.GetProperty("internalErrors")[0].GetProperty("rule").GetString());
        Assert.Equal("p: syntax error", doc.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public void SarifHasTheRequiredStructureRulesHelpAndFixes()
    {
        var sarif = JsonDocument.Parse(Render(s => LintSarifReport.Write(Result(), "1.2.3", "/work/repo", s))).RootElement;
        Assert.Empty(SarifStructure.Problems(sarif));
        var run = sarif.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        // the rule that ran, then the built-in id that appears in the results
        Assert.Equal(["test-map-write", "ignore-directive"], rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var rule = rules[0];
        // absolute, so code scanning can link it (issue 13: a relative helpUri resolved nowhere)
        Assert.Equal(LintSarifReport.DefaultDocsUrl + "/test-map-write.md", rule.GetProperty("helpUri").GetString());
        Assert.True(Uri.IsWellFormedUriString(rule.GetProperty("helpUri").GetString(), UriKind.Absolute));
        Assert.Equal(LintSarifReport.ProjectUrl, run.GetProperty("tool").GetProperty("driver").GetProperty("informationUri").GetString());
        Assert.Contains("```go\nm[k] = v\n```", rule.GetProperty("help").GetProperty("markdown").GetString());
        Assert.Contains("Bad:\n\nm[k] = v", rule.GetProperty("help").GetProperty("text").GetString());
        Assert.Equal("warning", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("file:///work/repo/", run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString());
        Assert.False(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());

        var res = run.GetProperty("results")[1];
        Assert.Equal("error", res.GetProperty("level").GetString());
        Assert.Equal(Nasty, res.GetProperty("message").GetProperty("text").GetString());
        var loc = res.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("dir%2C%20with%3A%20spaces/f%25.go", loc.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(NastyFile, Uri.UnescapeDataString(loc.GetProperty("artifactLocation").GetProperty("uri").GetString()!));
        Assert.Equal(11, loc.GetProperty("region").GetProperty("endColumn").GetInt32());
        var replacement = res.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.Equal((20, 6), (replacement.GetProperty("deletedRegion").GetProperty("byteOffset").GetInt32(), replacement.GetProperty("deletedRegion").GetProperty("byteLength").GetInt32()));
        Assert.Equal("note", run.GetProperty("results")[0].GetProperty("level").GetString());
    }

    [Fact]
    public void SarifColumnsCountUtf16CodeUnitsWhereGoCountsBytes()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mapscope-sarif-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            // "é" is 2 bytes but 1 UTF-16 unit, "🗺" 4 bytes and 2 units: m[1] spans byte columns 17-21 of line 2, UTF-16 columns 14-18
            File.WriteAllText(Path.Combine(dir, "u.go"), "package u\n\tx := \"é🗺\"; m[1] = 2\n");
            var d = new Diagnostic("test-map-write", Severity.Warning, "u.go", 2, 17, 0, 0, "w") { EndLine = 2, EndColumn = 21 };
            var ascii = d with { Line = 1, Column = 9, EndLine = 1, EndColumn = 10 };
            var missing = d with { File = "gone.go" };
            var result = new LintResult([ascii, d, missing], [new ActiveRule(new MapIndexWriteAnalyzer(), Severity.Warning)], [], [], [], 1);
            var run = JsonDocument.Parse(Render(s => LintSarifReport.Write(result, "1", dir, s))).RootElement.GetProperty("runs")[0];
            var regions = run.GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region"))
                .Select(r => (r.GetProperty("startColumn").GetInt32(), r.GetProperty("endColumn").GetInt32())).ToList();
            Assert.Equal([(9, 10), (14, 18), (17, 21)], regions); // ASCII line unchanged; unreadable file keeps bytes
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void SarifStructureCheckCatchesBrokenDocuments()
    {
        var broken = JsonDocument.Parse("""
            {"version": "2.0.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "a", "shortDescription": {"text": "t"}}]}},
              "results": [{"ruleId": "b", "ruleIndex": 0, "level": "fatal", "message": {}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a b.go"}, "region": {"startLine": 0, "startColumn": 1}}}]}]}]}
            """).RootElement;
        var problems = SarifStructure.Problems(broken);
        Assert.Contains("version must be \"2.1.0\"", problems);
        Assert.Contains("results[0]: ruleId b not among the driver's rules", problems);
        Assert.Contains("results[0]: ruleIndex does not point at b", problems);
        Assert.Contains(problems, p => p.StartsWith("results[0]: level"));
        Assert.Contains("results[0]: message.text is required", problems);
        Assert.Contains("results[0]: region start must be 1-based", problems);
        Assert.Contains(problems, p => p.Contains("is not a valid URI reference"));
    }

    [Fact]
    public void CheckstyleIsWellFormedXmlWithTheMessageIntact()
    {
        var w = new StringWriter();
        LintCheckstyleReport.Write(Result(), w);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", w.ToString());
        var doc = XDocument.Parse(w.ToString());
        var files = doc.Root!.Elements("file").ToList();
        Assert.Equal(["a.go", NastyFile], files.Select(f => f.Attribute("name")!.Value));
        var error = files[1].Element("error")!;
        // XML 1.0 cannot carry U+0001: it becomes U+FFFD; the rest, tab and line break included, survives
        Assert.Equal(Nasty.Replace('\u0001', '\uFFFD'), error.Attribute("message")!.Value);
        Assert.Equal("error", error.Attribute("severity")!.Value);
        Assert.Equal("mapscope.test-map-write", error.Attribute("source")!.Value);
        Assert.Equal(("3", "5"), (error.Attribute("line")!.Value, error.Attribute("column")!.Value));
    }

    [Fact]
    public void GithubCommandsEscapeAsTheRunnerRequires()
    {
        var w = new StringWriter();
        LintGithubReport.Write(Result(), w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("::notice file=a.go,line=1,col=1,title=ignore-directive::plain", lines[0]);
        Assert.Equal(
            "::error file=dir%2C with%3A spaces/f%25.go,line=3,col=5,endLine=3,endColumn=11,title=test-map-write::" +
            "map \"m\" <b>&amp; 100%25 full, key: \"a\tb\"%0Anext line \u0001 café 🗺", lines[1]);
        // the runner's unescaping gives the message back
        var data = lines[1][(lines[1].IndexOf("::", 2, StringComparison.Ordinal) + 2)..];
        Assert.Equal(Nasty, data.Replace("%0A", "\n").Replace("%0D", "\r").Replace("%25", "%"));
    }
}
