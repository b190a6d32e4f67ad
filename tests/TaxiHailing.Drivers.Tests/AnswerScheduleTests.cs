using TaxiHailing.Contracts;
using TaxiHailing.Messaging;

namespace TaxiHailing.Drivers.Tests;

public class AnswerScheduleTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static DriverOffer Open(Guid? driverId = null) => new(
        Guid.NewGuid(), driverId ?? Guid.NewGuid(), Guid.NewGuid(), 1, new GeoPoint(51.5, -0.12), new GeoPoint(51.52, -0.13),
        Now, Now.AddSeconds(10), OfferState.Open, null, null, null, new ReplyAddress("taxi.dispatch.replies", "c"), null, null);

    private static AnswerSchedule Schedule(double min = 1, double max = 4, double declineProbability = 0.2, int seed = 1) =>
        new(new SimulationOptions { AnswerDelayMinSeconds = min, AnswerDelayMaxSeconds = max, DeclineProbability = declineProbability }, new Random(seed));

    [Fact]
    public void Each_new_offer_gets_a_delay_within_the_bounds_and_is_due_only_once_it_is_up()
    {
        var schedule = Schedule(min: 1, max: 4);
        IReadOnlyList<DriverOffer> offers = [.. Enumerable.Range(0, 200).Select(_ => Open())];

        var first = schedule.Update(offers, Now);

        Assert.Equal(200, first.Planned.Count);
        Assert.All(first.Planned, answer => Assert.InRange(answer.Delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)));
        Assert.Empty(first.Due);
        Assert.True(first.Planned.Max(answer => answer.Delay) - first.Planned.Min(answer => answer.Delay) > TimeSpan.FromSeconds(2), "delays are spread");
        var halfway = schedule.Update(offers, Now.AddSeconds(2.5));
        Assert.Empty(halfway.Planned);
        Assert.Equal(first.Planned.Where(answer => answer.DueAt <= Now.AddSeconds(2.5)).Select(answer => answer.OfferId).Order(),
            halfway.Due.Select(answer => answer.OfferId).Order());
        Assert.Equal(200, schedule.Update(offers, Now.AddSeconds(4)).Due.Count);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 1000)]
    public void A_probability_of_0_always_accepts_and_of_1_always_declines(double declineProbability, int declined)
    {
        var planned = Schedule(declineProbability: declineProbability).Update([.. Enumerable.Range(0, 1000).Select(_ => Open())], Now).Planned;

        Assert.Equal(declined, planned.Count(answer => !answer.Accept));
    }

    [Fact]
    public void Declines_come_at_about_the_configured_rate()
    {
        var planned = Schedule(declineProbability: 0.2, seed: 7).Update([.. Enumerable.Range(0, 5000).Select(_ => Open())], Now).Planned;

        Assert.InRange(planned.Count(answer => !answer.Accept), 850, 1150); // 1000 expected, sd about 28
    }

    [Fact]
    public void A_settled_answer_is_not_due_again_and_an_offer_no_longer_open_is_forgotten()
    {
        var schedule = Schedule(min: 0, max: 0);
        var offer = Open();
        var answer = Assert.Single(schedule.Update([offer], Now).Due);

        schedule.Settle(answer);

        Assert.Empty(schedule.Update([offer], Now.AddSeconds(1)).Due);
        Assert.Equal(1, schedule.Count);
        Assert.Empty(schedule.Update([], Now.AddSeconds(2)).Due);
        Assert.Equal(0, schedule.Count);
    }

    [Fact]
    public void An_answer_not_settled_stays_due_for_the_next_tick()
    {
        var schedule = Schedule(min: 0, max: 0);
        var offer = Open();
        var answer = Assert.Single(schedule.Update([offer], Now).Due);

        Assert.Equal(answer, Assert.Single(schedule.Update([offer], Now.AddMilliseconds(200)).Due));
    }
}
