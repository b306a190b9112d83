using BenchmarkDotNet.Running;
using MapScope.Bench.Syntax;

// Runs:
//   parse-corpus [DIR] [-n RUNS]  end-to-end parser throughput over a source tree (compared with bench/goparse);
//   lex-corpus [DIR]              scanner alone and sequential parsing, one thread;
//   evidence-throughput [RUNS]   best-of-N MB/s of the evidence readers (a quick look; BenchmarkDotNet is the record);
//   alloc-probe                   allocations by type while parsing GOROOT/src;
//   anything else                 BenchmarkDotNet (e.g. --filter '*Parser*').
if (args.Length > 0 && args[0] == "parse-corpus") return ParseCorpus.Run(args[1..]);
if (args.Length > 0 && args[0] == "alloc-probe") return AllocProbe.Run(args[1..]);
if (args.Length > 0 && args[0] == "lex-corpus") return LexCorpus.Run(args[1..]);
if (args.Length > 0 && args[0] == "evidence-throughput") return MapScope.Bench.Evidence.EvidenceThroughput.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
