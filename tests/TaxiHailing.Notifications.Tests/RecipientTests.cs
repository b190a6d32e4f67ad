namespace TaxiHailing.Notifications.Tests;

public class RecipientTests
{
    [Fact]
    public void The_notify_payload_names_the_kind_and_the_id_and_reads_back()
    {
        var id = Guid.Parse("0190b7a5-0000-7000-8000-000000000001");

        Assert.Equal("passenger:0190b7a5-0000-7000-8000-000000000001", Recipient.Passenger(id).ToString());
        Assert.Equal("driver:0190b7a5-0000-7000-8000-000000000001", Recipient.Driver(id).ToString());
        Assert.True(Recipient.TryParse("driver:0190b7a5-0000-7000-8000-000000000001", out var driver));
        Assert.Equal(Recipient.Driver(id), driver);
        Assert.True(Recipient.TryParse(Recipient.Passenger(id).ToString(), out var passenger));
        Assert.Equal(Recipient.Passenger(id), passenger);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("passenger")]
    [InlineData("passenger:")]
    [InlineData("passenger:not-a-guid")]
    [InlineData("operator:0190b7a5-0000-7000-8000-000000000001")]
    public void A_payload_that_names_no_recipient_wakes_nobody(string? payload)
    {
        Assert.False(Recipient.TryParse(payload, out _));
    }

    [Fact]
    public void A_lock_key_is_the_same_in_every_process()
    {
        // Computed once and written down: a key that changed between builds or instances would not serialize them.
        Assert.Equal(ExpectedKey, AdvisoryLocks.KeyOf(Guid.Parse("0190b7a5-0000-7000-8000-000000000001")));
        Assert.NotEqual(AdvisoryLocks.KeyOf(Guid.Parse("0190b7a5-0000-7000-8000-000000000001")), AdvisoryLocks.KeyOf(Guid.Parse("0190b7a5-0000-7000-8000-000000000002")));
    }

    [Fact]
    public void Recipients_are_locked_once_each_in_ascending_key_order()
    {
        var trip = new Trips();
        var (_, notifications) = Trips.Play(trip.Created(), trip.Assigned(), trip.Cancelled());

        var keys = AdvisoryLocks.RecipientKeysInLockOrder(notifications);

        Assert.Equal(2, keys.Count);
        Assert.Equal(keys.Order(), keys);
        Assert.Equal(
            new[] { AdvisoryLocks.KeyOf(trip.PassengerId), AdvisoryLocks.KeyOf(trip.DriverId) }.Order(),
            keys);
    }

    // 17, then key * 31 ^ each little-endian int of the GUID's bytes (a5b79001 00000070 80000000 00000001).
    private const int ExpectedKey = 906264982;
}
