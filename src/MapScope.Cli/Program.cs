using System.Text;
using MapScope.Cli;

// Stdout is buffered (Console.Out flushes on every write, which dominates when printing large outputs);
// stderr stays unbuffered so errors appear at once.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
int code = CliApp.Run(args, stdout, Console.Error, CliHost.FromProcess());
try
{
    stdout.Flush();
}
catch (IOException)
{
    // The reader went away (`mapscope ast ... | head`): nothing left to tell anyone.
}
return code;
