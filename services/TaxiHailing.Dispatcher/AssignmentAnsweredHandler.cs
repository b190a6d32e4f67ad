using Microsoft.Extensions.Options;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Messaging;

namespace TaxiHailing.Dispatcher;

/// <summary>
/// The Drivers service's answer to a confirmation request, recognised by its correlation id. It settles the request
/// only while the dispatch still waits for it; after the timeout (which already counted as a refusal) it is noted
/// as late and changes nothing.
/// </summary>
public sealed class AssignmentAnsweredHandler(
    Outbox outbox, IOptions<DispatchOptions> options, TimeProvider clock, ILogger<AssignmentAnsweredHandler> logger)
    : IMessageHandler<AssignmentAnswered>
{
    public async Task HandleAsync(AssignmentAnswered answer, MessageContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.Envelope.CorrelationId, out var confirmationId))
        {
            throw new InvalidMessageException($"The correlation id of a confirmation's answer must be the confirmation id (a UUID); it is '{context.Envelope.CorrelationId}'.");
        }

        var rounds = new DispatchRounds(context.Transaction, outbox, options.Value, clock.StoredNow(), context.Envelope.MessageId.ToString(), logger);
        var dispatch = await rounds.Rounds.LockAsync(answer.TripId, cancellationToken);
        if (dispatch is { Stage: DispatchStage.Confirming } && dispatch.ConfirmationId == confirmationId)
        {
            await rounds.SettleConfirmationAsync(dispatch, answer, cancellationToken);
            return;
        }

        var late = answer.Confirmed ? "confirmed" : $"refused: {answer.Reason}";
        if (await rounds.Rounds.NoteLateConfirmationAsync(confirmationId, late, cancellationToken))
        {
            logger.LateConfirmationIgnored(confirmationId);
        }
        else
        {
            logger.AnswerIgnored(answer.DriverId, confirmationId, "no confirmation was requested under this correlation id");
        }
    }
}
