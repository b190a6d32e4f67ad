namespace TaxiHailing.Contracts.Drivers;

/// <summary>
/// The Dispatcher asks the Drivers service whether the driver who accepted a trip can still take it (request/async
/// response): the answer is an <see cref="AssignmentAnswered"/> on the reply-to channel with the same correlation id.
/// </summary>
public sealed record ConfirmAssignment(Guid TripId, Guid DriverId, DateTimeOffset AnswerBy) : IRequest<AssignmentAnswered>
{
    public static string MessageType => "dispatch.confirm-assignment.v1";
}

/// <summary>The Drivers service's answer to a <see cref="ConfirmAssignment"/>; a refusal says why.</summary>
public sealed record AssignmentAnswered(Guid TripId, Guid DriverId, bool Confirmed, string? Reason, DateTimeOffset AnsweredAt) : IMessage
{
    public static string MessageType => "drivers.assignment-answered.v1";
}
