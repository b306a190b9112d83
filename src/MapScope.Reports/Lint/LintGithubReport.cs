using System.Text;
using MapScope.Analysis.Framework;
using MapScope.Analysis.Lint;

namespace MapScope.Reports.Lint;

/// <summary>
/// GitHub Actions workflow commands, one per finding:
/// <c>::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE</c> (warning and notice for lower
/// severities). GitHub's escaping: % CR LF in the message; additionally : and , in property values.
/// </summary>
public static class LintGithubReport
{
    public static void Write(LintResult result, TextWriter w)
    {
        foreach (var d in result.Diagnostics)
        {
            var command = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            var props = new StringBuilder();
            props.Append("file=").Append(Property(d.File.Replace('\\', '/')));
            props.Append(",line=").Append(d.Line).Append(",col=").Append(d.Column);
            if (d.EndLine > 0) props.Append(",endLine=").Append(d.EndLine).Append(",endColumn=").Append(d.EndColumn);
            props.Append(",title=").Append(Property(d.RuleId));
            w.Write($"::{command} {props}::{Data(d.Message)}\n");
        }
    }

    /// <summary>Escapes a message (the part after ::).</summary>
    public static string Data(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Escapes a property value (file=..., title=...).</summary>
    public static string Property(string s) => Data(s).Replace(":", "%3A").Replace(",", "%2C");
}
