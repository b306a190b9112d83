using System.Text;
using System.Xml;
using MapScope.Analysis.Lint;
using MapScope.Analysis.Framework;

namespace MapScope.Reports.Lint;

/// <summary>
/// Checkstyle XML (the format golangci-lint and many CI tools read): one &lt;file&gt; per file with findings,
/// one &lt;error&gt; per finding with line, column, severity, message and source "mapscope.RULE".
/// </summary>
public static class LintCheckstyleReport
{
    public static void Write(LintResult result, TextWriter output)
    {
        // Through a UTF-8 stream, so the declaration says UTF-8 whatever the TextWriter's own encoding is.
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("checkstyle");
            w.WriteAttributeString("version", "4.3");
            foreach (var file in result.Diagnostics.GroupBy(d => d.File))
            {
                w.WriteStartElement("file");
                w.WriteAttributeString("name", Clean(file.Key));
                foreach (var d in file)
                {
                    w.WriteStartElement("error");
                    w.WriteAttributeString("line", d.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteAttributeString("column", d.Column.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteAttributeString("severity", d.Severity.Name());
                    w.WriteAttributeString("message", Clean(d.Message));
                    w.WriteAttributeString("source", "mapscope." + Clean(d.RuleId));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    /// <summary>XML 1.0 cannot carry most control characters even escaped: replace them (and lone surrogates) with U+FFFD.</summary>
    internal static string Clean(string s)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool ok;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb?.Append(c).Append(s[i + 1]);
                i++;
                continue;
            }
            ok = XmlConvert.IsXmlChar(c);
            if (ok && sb == null) continue;
            sb ??= new StringBuilder(s, 0, i, s.Length);
            sb.Append(ok ? c : '\uFFFD');
        }
        return sb?.ToString() ?? s;
    }
}
