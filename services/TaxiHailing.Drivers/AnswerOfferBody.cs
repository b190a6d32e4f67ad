using System.Text.Json.Serialization;

namespace TaxiHailing.Drivers;

/// <summary>The body of <c>POST /v1/drivers/{id}/offers/{offerId}/answer</c>: the driver accepts the trip or declines it.</summary>
public sealed record AnswerOfferBody(bool? Accept) : IValidatedBody, IExampleBody<AnswerOfferBody>
{
    public static AnswerOfferBody Example { get; } = new(true);

    public IEnumerable<(string Field, string Error)> Validate()
    {
        if (Accept is null)
        {
            yield return ("accept", "Say whether the driver accepts the offer (true) or declines it (false).");
        }
    }

    [JsonIgnore] // not input, and not in the contract
    public bool Accepts => Accept!.Value;
}
