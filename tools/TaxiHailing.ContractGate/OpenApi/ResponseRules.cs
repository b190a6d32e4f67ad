using TaxiHailing.ContractGate.Documents;

namespace TaxiHailing.ContractGate.OpenApi;

/// <summary>
/// Responses by status: a success (2xx) status removed breaks the clients that expect it; an error status removed or any
/// status added is additive. A kept success response's bodies may carry only what clients could already read
/// (<see cref="Schemas.Direction.Response"/>); error bodies (problem details) are not compared.
/// </summary>
internal static class ResponseRules
{
    public static void Check(OperationPair operation, ChangeLog changes)
    {
        var before = operation.Released.ByName(operation.ReleasedOperation["responses"], StringComparer.OrdinalIgnoreCase);
        var after = operation.Current.ByName(operation.CurrentOperation["responses"], StringComparer.OrdinalIgnoreCase);
        foreach (var (status, response) in before)
        {
            var location = $"{operation.Location} response {status}";
            var success = status.StartsWith('2');
            if (!after.TryGetValue(status, out var match))
            {
                changes.Add(success ? Severity.Breaking : Severity.Info, location, success ? "success-response-removed" : "response-removed",
                    success ? "success response removed: clients expect this status" : "response removed");
                continue;
            }
            if (!success) continue;
            ContentRules.Check(operation, response["content"], match["content"], location, Schemas.Direction.Response, "response", changes);
            ResponseHeaderRules.Check(operation, response["headers"], match["headers"], location, changes);
        }
        foreach (var status in after.Keys.Where(s => !before.ContainsKey(s)))
        {
            changes.Add(Severity.Info, $"{operation.Location} response {status}", "response-added", "response added");
        }
    }
}
