using BenchmarkDotNet.Running;
using MapScope.Bench.Syntax;

// Two kinds of runs:
//   parse-corpus DIR [-n RUNS]  end-to-end throughput over a source tree (compared with bench/goparse);
//   anything else               BenchmarkDotNet (e.g. --filter '*Parser*').
if (args.Length > 0 && args[0] == "parse-corpus") return ParseCorpus.Run(args[1..]);
if (args.Length > 0 && args[0] == "parallel-probe") return ParallelProbe.Run(args[1..]);
if (args.Length > 0 && args[0] == "alloc-probe") return AllocProbe.Run(args[1..]);
if (args.Length > 0 && args[0] == "lex-corpus") return LexCorpus.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
