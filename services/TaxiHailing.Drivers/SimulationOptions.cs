using Microsoft.Extensions.Options;
using TaxiHailing.Contracts;

namespace TaxiHailing.Drivers;

/// <summary>
/// The simulated fleet (section "Simulation"): <see cref="Size"/> drivers online within <see cref="RadiusKm"/> of the
/// centre, each driving a random walk at <see cref="SpeedKmh"/> and reporting where they are every
/// <see cref="ReportIntervalSeconds"/>. The same seed always gives the same drivers. They answer the trips offered
/// to them after a human-like delay between <see cref="AnswerDelayMinSeconds"/> and <see cref="AnswerDelayMaxSeconds"/>,
/// declining with probability <see cref="DeclineProbability"/>. A simulated driver given a trip drives it on their own
/// at <see cref="TripSpeedKmh"/> (faster than London traffic, so that a trip takes a minute or two), waiting
/// <see cref="BoardingSeconds"/> at the pickup; at a trip speed of 0 they stay where they are until the trip ends otherwise.
/// </summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";
    public const int MaxSize = 10_000;
    public const double MaxRadiusKm = 1_000;
    public const double MaxReportIntervalSeconds = 3_600;
    public const double MaxSpeedKmh = 500;
    public const double MaxAnswerDelaySeconds = 60;
    public const double MaxTripSpeedKmh = 5_000;
    public const double MaxBoardingSeconds = 600;

    public bool Enabled { get; set; } = true;
    public int Size { get; set; } = 50;
    public double CenterLat { get; set; } = 51.5074;
    public double CenterLng { get; set; } = -0.1278;
    public double RadiusKm { get; set; } = 5;
    public double ReportIntervalSeconds { get; set; } = 2;
    public double SpeedKmh { get; set; } = 25;
    public int Seed { get; set; } = 1;
    public double AnswerDelayMinSeconds { get; set; } = 1;
    public double AnswerDelayMaxSeconds { get; set; } = 4;
    public double DeclineProbability { get; set; } = 0.2;
    public double TripSpeedKmh { get; set; } = 150;
    public double BoardingSeconds { get; set; } = 5;

    public GeoPoint Center => new(CenterLat, CenterLng);

    public TimeSpan ReportInterval => TimeSpan.FromSeconds(ReportIntervalSeconds);

    /// <summary>How far a driver moves between two reports.</summary>
    public double StepKm => SpeedKmh * ReportIntervalSeconds / 3600;

    /// <summary>How far a driver on a trip moves between two reports.</summary>
    public double TripStepKm => TripSpeedKmh * ReportIntervalSeconds / 3600;

    public TimeSpan Boarding => TimeSpan.FromSeconds(BoardingSeconds);
}

public sealed class SimulationOptionsValidator : IValidateOptions<SimulationOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulationOptions options)
    {
        const string section = SimulationOptions.Section;
        List<string> failures = [];
        if (options.Size is < 0 or > SimulationOptions.MaxSize)
        {
            failures.Add($"{section}:Size must be between 0 and {SimulationOptions.MaxSize}; it is {options.Size}.");
        }

        // The relational patterns are false for NaN, so a NaN fails every one of these checks.
        if (options.RadiusKm is not (> 0 and <= SimulationOptions.MaxRadiusKm))
        {
            failures.Add($"{section}:RadiusKm must be greater than 0 and at most {SimulationOptions.MaxRadiusKm}; it is {options.RadiusKm}.");
        }

        if (options.CenterLat is not (>= -90 and <= 90))
        {
            failures.Add($"{section}:CenterLat must be a latitude between -90 and 90; it is {options.CenterLat}.");
        }

        if (options.CenterLng is not (>= -180 and <= 180))
        {
            failures.Add($"{section}:CenterLng must be a longitude between -180 and 180; it is {options.CenterLng}.");
        }

        if (options.ReportIntervalSeconds is not (> 0 and <= SimulationOptions.MaxReportIntervalSeconds))
        {
            failures.Add($"{section}:ReportIntervalSeconds must be greater than 0 and at most {SimulationOptions.MaxReportIntervalSeconds}; it is {options.ReportIntervalSeconds}.");
        }

        if (options.SpeedKmh is not (>= 0 and <= SimulationOptions.MaxSpeedKmh))
        {
            failures.Add($"{section}:SpeedKmh must be between 0 and {SimulationOptions.MaxSpeedKmh}; it is {options.SpeedKmh}.");
        }

        if (options.TripSpeedKmh is not (>= 0 and <= SimulationOptions.MaxTripSpeedKmh))
        {
            failures.Add($"{section}:TripSpeedKmh must be between 0 and {SimulationOptions.MaxTripSpeedKmh}; it is {options.TripSpeedKmh}.");
        }

        if (options.BoardingSeconds is not (>= 0 and <= SimulationOptions.MaxBoardingSeconds))
        {
            failures.Add($"{section}:BoardingSeconds must be between 0 and {SimulationOptions.MaxBoardingSeconds}; it is {options.BoardingSeconds}.");
        }

        const double maxDelay = SimulationOptions.MaxAnswerDelaySeconds;
        var minDelayValid = options.AnswerDelayMinSeconds is >= 0 and <= maxDelay;
        var maxDelayValid = options.AnswerDelayMaxSeconds is >= 0 and <= maxDelay;
        if (!minDelayValid)
        {
            failures.Add($"{section}:AnswerDelayMinSeconds must be between 0 and {maxDelay}; it is {options.AnswerDelayMinSeconds}.");
        }

        if (!maxDelayValid)
        {
            failures.Add($"{section}:AnswerDelayMaxSeconds must be between 0 and {maxDelay}; it is {options.AnswerDelayMaxSeconds}.");
        }
        else if (minDelayValid && options.AnswerDelayMinSeconds > options.AnswerDelayMaxSeconds)
        {
            failures.Add($"{section}:AnswerDelayMaxSeconds must be at least {section}:AnswerDelayMinSeconds ({options.AnswerDelayMinSeconds}); it is {options.AnswerDelayMaxSeconds}.");
        }

        if (options.DeclineProbability is not (>= 0 and <= 1))
        {
            failures.Add($"{section}:DeclineProbability must be between 0 and 1; it is {options.DeclineProbability}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
