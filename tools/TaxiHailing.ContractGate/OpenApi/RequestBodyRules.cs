using System.Text.Json.Nodes;
using TaxiHailing.ContractGate.Documents;
using TaxiHailing.ContractGate.Schemas;

namespace TaxiHailing.ContractGate.OpenApi;

/// <summary>
/// The request body: made required, removed (the service used to read it) or a content type removed refuse calls
/// that worked; each kept content type's schema must still accept everything it did (<see cref="Direction.Request"/>).
/// </summary>
internal static class RequestBodyRules
{
    public static void Check(OperationPair operation, ChangeLog changes)
    {
        var before = operation.Released.ResolveNode(operation.ReleasedOperation["requestBody"]) as JsonObject;
        var after = operation.Current.ResolveNode(operation.CurrentOperation["requestBody"]) as JsonObject;
        var location = $"{operation.Location} request body";
        switch (before, after)
        {
            case (null, null):
                return;
            case (null, _):
                changes.Add(after["required"].IsTrue() ? Severity.Breaking : Severity.Info, location,
                    after["required"].IsTrue() ? "request-body-added-required" : "request-body-added", after["required"].IsTrue() ? "added as required" : "added as optional");
                return;
            case (_, null):
                changes.Add(Severity.Breaking, location, "request-body-removed", "removed: the service used to read it");
                return;
        }
        if (!before["required"].IsTrue() && after["required"].IsTrue())
        {
            changes.Add(Severity.Breaking, location, "request-body-made-required", "made required");
        }
        else if (before["required"].IsTrue() && !after["required"].IsTrue())
        {
            changes.Add(Severity.Info, location, "request-body-made-optional", "made optional");
        }
        ContentRules.Check(operation, before["content"], after["content"], location, Direction.Request, "request", changes);
    }
}
