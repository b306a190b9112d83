namespace MapScope.Evidence.Escape;

/// <summary>Recognizes the compiler's escape-analysis sentences.</summary>
public static class EscapeMessages
{
    public const string EscapesToHeap = " escapes to heap";
    public const string DoesNotEscape = " does not escape";

    public static string Subject(string message)
    {
        if (message.EndsWith(EscapesToHeap, StringComparison.Ordinal)) return message[..^EscapesToHeap.Length];
        if (message.EndsWith(DoesNotEscape, StringComparison.Ordinal)) return message[..^DoesNotEscape.Length];
        int leaks = message.IndexOf(" leaks to ", StringComparison.Ordinal);
        if (message.StartsWith("parameter ", StringComparison.Ordinal) && leaks > 0) return message[..leaks];
        if (message.StartsWith("leaking param: ", StringComparison.Ordinal)) return "parameter " + message["leaking param: ".Length..];
        if (message.StartsWith("leaking param content: ", StringComparison.Ordinal)) return "parameter " + message["leaking param content: ".Length..];
        return message;
    }

    /// <summary>A map made on this line: "make(map[K]V)", "make(map[K]V, n)", a map literal "map[K]V{…}", "new(map[K]V)".</summary>
    public static bool IsMapAllocation(string subject) =>
        subject.StartsWith("make(map[", StringComparison.Ordinal)
        || subject.StartsWith("new(map[", StringComparison.Ordinal)
        || (subject.StartsWith("map[", StringComparison.Ordinal) && subject.EndsWith('}'));

    /// <summary>A header of an explanation in -m=2 text: "X escapes to heap:" or "parameter P leaks to D with derefs=N:".</summary>
    public static bool IsExplanationHeader(string message) =>
        message.EndsWith(':') && (message.EndsWith(EscapesToHeap + ":", StringComparison.Ordinal)
            || (message.StartsWith("parameter ", StringComparison.Ordinal) && message.Contains(" leaks to ", StringComparison.Ordinal)));

    /// <summary>Parses "flow: DST = SRC:" (leading spaces allowed); returns DST.</summary>
    public static bool TryParseFlow(string text, out string destination)
    {
        destination = "";
        var t = text.TrimStart();
        if (!t.StartsWith("flow: ", StringComparison.Ordinal)) return false;
        t = t["flow: ".Length..];
        int eq = t.IndexOf(" = ", StringComparison.Ordinal);
        destination = eq < 0 ? t.TrimEnd(':') : t[..eq];
        return true;
    }

    /// <summary>Parses "from EXPR (REASON)" with an optional " at POS" (text form); leading spaces allowed.</summary>
    public static bool TryParseFrom(string text, out string expression, out string reason, out string? at)
    {
        expression = reason = "";
        at = null;
        var t = text.TrimStart();
        if (!t.StartsWith("from ", StringComparison.Ordinal)) return false;
        t = t["from ".Length..];
        int atIndex = t.LastIndexOf(" at ", StringComparison.Ordinal);
        if (atIndex > 0 && t[atIndex - 1] == ')')
        {
            at = t[(atIndex + 4)..];
            t = t[..atIndex];
        }
        if (!t.EndsWith(')')) return false;
        int open = t.LastIndexOf(" (", StringComparison.Ordinal);
        if (open < 0) return false;
        expression = t[..open];
        reason = t[(open + 2)..^1];
        return true;
    }

    /// <summary>Parses "PATH:LINE:COL" at the end of a string (paths may contain ':').</summary>
    public static bool TryParsePosition(string text, out SourcePosition position)
    {
        position = default;
        int c2 = text.LastIndexOf(':');
        if (c2 <= 0) return false;
        int c1 = text.LastIndexOf(':', c2 - 1);
        if (c1 <= 0) return false;
        if (!int.TryParse(text.AsSpan(c1 + 1, c2 - c1 - 1), out int line) || !int.TryParse(text.AsSpan(c2 + 1), out int col)) return false;
        position = new SourcePosition(text[..c1], line, col);
        return true;
    }
}
