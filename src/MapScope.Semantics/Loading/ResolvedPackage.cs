namespace MapScope.Semantics.Loading;

/// <summary>Where an import path (or a matched directory) lives and what the go command would call it.</summary>
public sealed record ResolvedPackage(string ImportPath, string Dir, bool Standard, ModuleInfo? Module);
