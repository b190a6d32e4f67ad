using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TaxiHailing.ContractGate.Documents;

namespace TaxiHailing.ContractGate.OpenApi;

/// <summary>One operation as released and as it is now, with the path items that hold their shared parameters.</summary>
internal sealed partial record OperationPair(
    string Location,
    ContractDocument Released, string ReleasedTemplate, JsonObject ReleasedPath, JsonObject ReleasedOperation,
    ContractDocument Current, string CurrentTemplate, JsonObject CurrentPath, JsonObject CurrentOperation)
{
    /// <summary>The path template with its parameters unnamed: <c>/v1/trips/{id}</c> and <c>/v1/trips/{tripId}</c> are one path.</summary>
    public static string Shape(string template) => TemplateParameter().Replace(template, "{}");

    /// <summary>The current name of a released path parameter, the one at the same place in the template.</summary>
    public string CurrentPathParameterName(string releasedName)
    {
        var released = Names(ReleasedTemplate);
        var current = Names(CurrentTemplate);
        var index = released.IndexOf(releasedName);
        return index >= 0 && index < current.Count ? current[index] : releasedName;
    }

    private static List<string> Names(string template) => [.. TemplateParameter().Matches(template).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex TemplateParameter();
}
