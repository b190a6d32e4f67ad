namespace TaxiHailing.Messaging;

/// <summary>
/// Thrown by a handler for a message that is well-formed but cannot be acted on (a request without a reply-to, say):
/// retrying cannot help, so the consumer dead-letters it at once with this reason.
/// </summary>
public sealed class InvalidMessageException(string message) : Exception(message);
