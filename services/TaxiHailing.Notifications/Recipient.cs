namespace TaxiHailing.Notifications;

/// <summary>Who a notification is for: a passenger or a driver, by id.</summary>
public readonly record struct Recipient(RecipientKind Kind, Guid Id)
{
    public static Recipient Passenger(Guid passengerId) => new(RecipientKind.Passenger, passengerId);

    public static Recipient Driver(Guid driverId) => new(RecipientKind.Driver, driverId);

    /// <summary>The recipient_kind column, and the first half of the NOTIFY payload.</summary>
    public string KindName => Kind switch
    {
        RecipientKind.Passenger => "passenger",
        RecipientKind.Driver => "driver",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };

    /// <summary>"passenger:{id}" or "driver:{id}": what the notifications trigger sends on the notifications channel.</summary>
    public override string ToString() => $"{KindName}:{Id}";

    public static bool TryParse(string? value, out Recipient recipient)
    {
        recipient = default;
        var colon = value?.IndexOf(':') ?? -1;
        if (colon < 0 || !Guid.TryParseExact(value![(colon + 1)..], "D", out var id))
        {
            return false;
        }

        switch (value[..colon])
        {
            case "passenger":
                recipient = Passenger(id);
                return true;
            case "driver":
                recipient = Driver(id);
                return true;
            default:
                return false;
        }
    }
}

public enum RecipientKind
{
    Passenger,
    Driver,
}
