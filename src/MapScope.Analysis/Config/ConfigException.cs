namespace MapScope.Analysis.Config;

/// <summary>A .mapscope.yml that cannot be used; the message is one line starting with "FILE:LINE:COL: ".</summary>
public sealed class ConfigException(string message) : Exception(message);
