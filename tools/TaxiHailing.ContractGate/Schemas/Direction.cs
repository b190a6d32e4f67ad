namespace TaxiHailing.ContractGate.Schemas;

/// <summary>Who reads the values a schema describes, which decides whether narrowing or widening it breaks someone.</summary>
[Flags]
internal enum Direction
{
    /// <summary>Clients write, the service reads (request bodies, parameters): the current schema must accept all the released one did.</summary>
    Request = 1,

    /// <summary>The service writes, clients read (success responses): the current schema may produce only what the released one could.</summary>
    Response = 2,

    /// <summary>Messages: consumers read new ones as they read responses, and old recorded messages must stay readable as requests.</summary>
    Both = Request | Response,
}
