using MapScope.Fuzz;
using SharpFuzz;

// mapscope-fuzz HARNESS            run under afl-fuzz (input on stdin, SharpFuzz's out-of-process protocol)
// mapscope-fuzz HARNESS FILE|DIR   replay inputs without AFL: a smoke run over seeds, or a crash to debug
if (args.Length == 0 || !Harnesses.All.TryGetValue(args[0], out var harness))
{
    Console.Error.WriteLine($"usage: mapscope-fuzz {string.Join('|', Harnesses.All.Keys)} [FILE|DIR]");
    return 2;
}
if (args.Length > 1)
{
    var files = Directory.Exists(args[1]) ? Directory.GetFiles(args[1], "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [args[1]];
    foreach (var file in files) harness(File.ReadAllBytes(file));
    Console.WriteLine($"{args[0]}: {files.Length} inputs replayed, no crash");
    return 0;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    harness(buffer.ToArray());
});
return 0;
