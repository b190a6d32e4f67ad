using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers;

/// <summary>
/// How a simulated driver wanders: each step goes <see cref="StepKm"/> on the driver's heading, turned a little at
/// random, and never leaves the disc of <see cref="RadiusKm"/> around <see cref="Center"/>. A step that would leave
/// it heads back towards the centre instead. The same <see cref="Random"/> seed gives the same walk.
/// </summary>
public sealed class RandomWalk(GeoPoint center, double radiusKm, double stepKm, Random random)
{
    /// <summary>The most a heading turns between two steps (45°).</summary>
    public const double MaxTurn = Math.PI / 4;

    /// <summary>The most a driver turned back at the edge strays from heading straight for the centre (60°).</summary>
    public const double MaxDeviationFromCenter = Math.PI / 3;

    public GeoPoint Center { get; } = center;
    public double RadiusKm { get; } = radiusKm;
    public double StepKm { get; } = stepKm;

    public static RandomWalk For(SimulationOptions options) =>
        new(options.Center, options.RadiusKm, options.StepKm, new Random(options.Seed));

    /// <summary>
    /// The next position and heading (radians from north) from <paramref name="position"/>. Within the disc the step
    /// is always <see cref="StepKm"/> long and ends within the disc; a driver found outside it (the centre or radius
    /// changed since) drives straight towards the centre.
    /// </summary>
    public (GeoPoint Position, double Heading) Step(GeoPoint position, double heading)
    {
        var wandering = heading + Uniform(MaxTurn);
        if (TryStep(position, wandering) is { } onward) return (onward, wandering);

        var towardsCenter = GreatCircle.InitialBearing(position, Center);
        var turningBack = towardsCenter + Uniform(MaxDeviationFromCenter);
        if (TryStep(position, turningBack) is { } back) return (back, turningBack);

        // Straight at the centre: within the disc whenever the step is no longer than its diameter, and otherwise
        // shortened to end on the far edge rather than leave. From outside, every such step gets closer.
        var distanceToCenter = GreatCircle.DistanceKm(position, Center);
        var step = Math.Min(StepKm, distanceToCenter + RadiusKm);
        return (GreatCircle.Destination(position, towardsCenter, step), towardsCenter);
    }

    private GeoPoint? TryStep(GeoPoint position, double bearing)
    {
        var next = GreatCircle.Destination(position, bearing, StepKm);
        return GreatCircle.DistanceKm(Center, next) <= RadiusKm ? next : null;
    }

    private double Uniform(double halfWidth) => (random.NextDouble() * 2 - 1) * halfWidth;
}
