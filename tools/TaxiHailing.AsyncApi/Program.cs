using TaxiHailing.AsyncApi;

// The system's AsyncAPI document, from the services' own messaging declarations:
//   write <file>   writes it
//   check <file>   exits 1 when the file differs from what the code declares (the drift check)
switch (args)
{
    case ["write", var path]:
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, SystemMessaging.Document());
        Console.WriteLine($"Wrote {path}.");
        return 0;
    case ["check", var path]:
        return await DriftCheck.RunAsync(path, SystemMessaging.Document());
    default:
        Console.Error.WriteLine("Usage: dotnet run --project tools/TaxiHailing.AsyncApi -- write|check <file>");
        return 2;
}
