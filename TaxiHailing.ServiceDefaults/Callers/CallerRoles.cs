namespace Microsoft.Extensions.Hosting;

/// <summary>The roles a token carries in its "role" claim.</summary>
public static class CallerRoles
{
    /// <summary>Acts only on their own account, trips and notifications.</summary>
    public const string Passenger = "passenger";

    /// <summary>Acts only on their own availability, location, offers, trip and notifications.</summary>
    public const string Driver = "driver";

    /// <summary>Suspends and reinstates passengers, sees the fleet and dispatches, and uses the admin endpoints.</summary>
    public const string Operator = "operator";

    /// <summary>Another TaxiHailing service calling on its own behalf, e.g. Trips asking Passengers about a passenger.</summary>
    public const string Service = "service";

    /// <summary>The roles a person signs in with.</summary>
    public static readonly IReadOnlyList<string> People = [Passenger, Driver, Operator];
}
