using TaxiHailing.Contracts.Drivers;
using static TaxiHailing.Drivers.Tests.DispatcherSide;

namespace TaxiHailing.Drivers.Tests;

/// <summary>The simulated fleet answers its offers by itself (here: after 0.1-0.3 s, always accepting).</summary>
[Collection(DriversServiceCollection.Name)]
public sealed class SimulatedOfferAnswerTests(DriversService drivers)
{
    [Fact]
    public async Task Simulated_drivers_answer_an_offer_on_their_own_in_the_offer_trace()
    {
        Guid[] fleet = [.. SimulatedFleet.Generate(drivers.Simulation).Select(driver => driver.Id)];
        var offer = Offer(fleet);
        var (traceParent, traceId) = NewTrace();

        await drivers.SendOfferAsync(offer, traceParent: traceParent);

        foreach (var driverId in fleet)
        {
            var reply = await drivers.ReplyAsync(OfferAnswered.MessageType, offer.OfferId,
                message => KafkaChannels.Body<OfferAnswered>(message).DriverId == driverId);
            var answer = KafkaChannels.Body<OfferAnswered>(reply);
            Assert.True(answer.Accepted);
            Assert.NotNull(answer.Position);
            Assert.Equal(offer.TripId, answer.TripId);
            Assert.Equal(traceId, reply.Header("traceparent")?.Split('-')[1]);
            var answered = await drivers.WaitForOfferAsync(driverId, offer.OfferId);
            Assert.Equal("accepted", answered["state"]!.GetValue<string>());
            var delay = answered["answeredAt"]!.GetValue<DateTimeOffset>() - answered["offeredAt"]!.GetValue<DateTimeOffset>();
            Assert.True(delay >= TimeSpan.FromSeconds(drivers.Simulation.AnswerDelayMinSeconds), $"answered after {delay}, sooner than the minimum delay");
        }

        Assert.Equal(fleet.Length, await drivers.AnswersWrittenAsync(offer.OfferId));
    }
}
