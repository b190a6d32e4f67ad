using TaxiHailing.Benchmarks;

if (args.Length > 0 && args[0] == "partial-failure")
{
    return await PartialFailureCommand.RunAsync(args[1..]);
}

if (args.Length == 0 || args[0] is "-h" or "--help" || args[0] != "dispatch")
{
    Console.WriteLine(BenchmarkOptions.Usage);
    Console.WriteLine(PartialFailureBenchmark.Usage);
    return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 2;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args[1..]);
}
catch (ArgumentException problem)
{
    Console.Error.WriteLine(problem.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

DispatchResult dispatch;
try
{
    dispatch = await DispatchBenchmark.RunAsync(options);
}
catch (SystemNotReadyException problem)
{
    Console.Error.WriteLine(problem.Message);
    return 1;
}

var broker = await BrokerLatencyBenchmark.RunAsync(options);
Report.Print(options, dispatch, broker);
return dispatch.Missing == 0 ? 0 : 1;
