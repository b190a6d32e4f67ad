using System.Text.Json;
using System.Text.Json.Serialization;
using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Trips;

namespace TaxiHailing.Contracts;

/// <summary>
/// Source-generated JSON for every message: camelCase; unknown fields are ignored and missing ones take their
/// defaults, so readers tolerate additive changes.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TripCreated))]
[JsonSerializable(typeof(TripCreatedV2))]
[JsonSerializable(typeof(TripCancelled))]
[JsonSerializable(typeof(TripCompleted))]
[JsonSerializable(typeof(DriverAssigned))]
[JsonSerializable(typeof(TripUnserved))]
[JsonSerializable(typeof(TripOffered))]
[JsonSerializable(typeof(OfferWithdrawn))]
[JsonSerializable(typeof(Drivers.DriverRegistered))]
[JsonSerializable(typeof(Drivers.DriverAvailabilityChanged))]
[JsonSerializable(typeof(Drivers.DriverLocationReported))]
[JsonSerializable(typeof(Drivers.OfferAnswered))]
[JsonSerializable(typeof(Drivers.ConfirmAssignment))]
[JsonSerializable(typeof(Drivers.AssignmentAnswered))]
[JsonSerializable(typeof(Drivers.DriverArriving))]
[JsonSerializable(typeof(Drivers.DriverArrived))]
[JsonSerializable(typeof(Drivers.PassengerPickedUp))]
[JsonSerializable(typeof(Drivers.PassengerDroppedOff))]
[JsonSerializable(typeof(Drivers.TripAbandoned))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
