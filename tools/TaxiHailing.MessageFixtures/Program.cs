using System.Text.Encodings.Web;
using System.Text.Json;
using TaxiHailing.MessageFixtures;

// Records the message fixtures (contracts/messages/fixtures/{message-type}/{case}.json) that are missing, from the real
// serializer; a file already there is never replaced: the committed fixtures are the record, and tests only read them.
// A new message type: add it to RecordedStory, run this once, review and commit its files.
var root = args.Length > 0 ? args[0] : Path.Combine(FindRepository(), "contracts", "messages", "fixtures");
var written = 0;
var variantIds = new Ids(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), seed: 21);
foreach (var recording in RecordedStory.Record())
{
    written += Write(recording.MessageType, "recorded", recording);
    written += Write(recording.MessageType, "extra-fields", recording.WithBody(Variants.ExtraFields(recording.Body), variantIds));
    if (Variants.MissingOptional(recording.Body, recording.ClrType) is { } missing)
    {
        written += Write(recording.MessageType, "missing-optional", recording.WithBody(missing, variantIds));
    }
}

var old = RecordedStory.OldTripCreated();
written += Write(old.MessageType, "old-recorded", old);
Console.WriteLine($"{written} fixture(s) written under {root}");

int Write(string messageType, string name, Recording recording)
{
    var path = Path.Combine(root, messageType, $"{name}.json");
    if (File.Exists(path)) return 0;
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    File.WriteAllText(path, recording.ToJson().ToJsonString(options) + "\n");
    Console.WriteLine($"recorded {path}");
    return 1;
}

static string FindRepository()
{
    for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "TaxiHailing.sln"))) return directory.FullName;
    }

    throw new InvalidOperationException("Run this inside the repository (no TaxiHailing.sln above the current directory).");
}
