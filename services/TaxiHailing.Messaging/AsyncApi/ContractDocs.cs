using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TaxiHailing.Contracts;

namespace TaxiHailing.Messaging.AsyncApi;

/// <summary>
/// The Contracts' doc comments, as plain text: the summaries of message records and of the channel declarations, read
/// from the documentation file the compiler writes beside TaxiHailing.Contracts.dll. Without that file there is no prose.
/// </summary>
internal static partial class ContractDocs
{
    private static readonly IReadOnlyDictionary<string, string> Summaries = Load();

    private static readonly IReadOnlyDictionary<Channel, string> ChannelMembers = typeof(IMessage).Assembly.GetExportedTypes()
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(field => field.FieldType == typeof(Channel))
        .ToDictionary(field => (Channel)field.GetValue(null)!, field => $"F:{field.DeclaringType!.FullName}.{field.Name}");

    public static string? Of(Type type) => Summaries.GetValueOrDefault($"T:{type.FullName}");

    public static string? Of(Channel channel) =>
        ChannelMembers.TryGetValue(channel, out var member) ? Summaries.GetValueOrDefault(member) : null;

    private static Dictionary<string, string> Load()
    {
        var file = Path.ChangeExtension(typeof(IMessage).Assembly.Location, ".xml");
        if (!File.Exists(file)) return [];
        return XDocument.Load(file).Descendants("member")
            .Where(member => member.Element("summary") is not null)
            .ToDictionary(member => (string)member.Attribute("name")!, member => Text(member.Element("summary")!), StringComparer.Ordinal);
    }

    // <see cref="T:A.B.OfferAnswered"/> reads as OfferAnswered, <paramref name="x"/> as x; line breaks as spaces.
    private static string Text(XElement summary) => Whitespace().Replace(string.Concat(summary.Nodes().Select(node => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("cref") is { } cref => cref.Value.Split('.', ':').Last(),
        XElement element when element.Attribute("name") is { } name => name.Value,
        XElement element => element.Value,
        _ => "",
    })), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
