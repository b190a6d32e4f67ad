namespace TaxiHailing.AsyncApi;

/// <summary>Compares a committed document with what the code produces now, and says where they first differ.</summary>
internal static class DriftCheck
{
    public static async Task<int> RunAsync(string path, string expected)
    {
        var rewrite = $"dotnet run --project tools/TaxiHailing.AsyncApi -- write {path}";
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path} is missing: write it with `{rewrite}`.");
            return 1;
        }

        var committed = await File.ReadAllTextAsync(path);
        if (committed == expected)
        {
            Console.WriteLine($"{path} matches the services' messaging declarations.");
            return 0;
        }

        var committedLines = committed.Split('\n');
        var expectedLines = expected.Split('\n');
        var line = Enumerable.Range(0, Math.Min(committedLines.Length, expectedLines.Length))
            .FirstOrDefault(index => committedLines[index] != expectedLines[index], Math.Min(committedLines.Length, expectedLines.Length));
        Console.Error.WriteLine($"{path} differs from what the services' messaging declarations produce, first at line {line + 1}:");
        Console.Error.WriteLine($"  committed: {(line < committedLines.Length ? committedLines[line].Trim() : "(end of file)")}");
        Console.Error.WriteLine($"  generated: {(line < expectedLines.Length ? expectedLines[line].Trim() : "(end of file)")}");
        Console.Error.WriteLine($"If the change is intended, rewrite it with `{rewrite}` and commit it.");
        return 1;
    }
}
