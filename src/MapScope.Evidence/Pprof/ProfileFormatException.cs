namespace MapScope.Evidence.Pprof;

/// <summary>
/// The input is not a readable profile: corrupt, truncated, not a profile at all, inconsistent, or it
/// decompresses past the configured limit. The message is one line meant for the user.
/// </summary>
public sealed class ProfileFormatException : Exception
{
    public ProfileFormatException(string message) : base(message) { }
    public ProfileFormatException(string message, Exception inner) : base(message, inner) { }
}
