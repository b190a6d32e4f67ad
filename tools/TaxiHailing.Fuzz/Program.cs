using TaxiHailing.Fuzz;

if (args.Length == 0 || args[0] is not ("fuzz" or "memory"))
{
    Console.WriteLine(FuzzOptions.Usage);
    return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
}

FuzzOptions options;
try
{
    options = FuzzOptions.Parse(args[1..]);
}
catch (ArgumentException problem)
{
    Console.Error.WriteLine(problem.Message);
    Console.Error.WriteLine(FuzzOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
return args[0] == "fuzz" ? await FuzzCommand.RunAsync(options, stop.Token) : await MemoryCommand.RunAsync(options, stop.Token);
