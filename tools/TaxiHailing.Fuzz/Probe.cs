namespace TaxiHailing.Fuzz;

/// <summary>One hostile request: its class of hostility, what it targets, and its bytes on the wire.</summary>
internal sealed record Probe(string Class, string Method, string Target, byte[] Bytes)
{
    /// <summary>Long enough for Kestrel to give up on a body that stops short (about 5 s), short of our 10 s deadline.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
}
