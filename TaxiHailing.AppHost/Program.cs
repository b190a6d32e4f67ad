using TaxiHailing.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var passengersdb = postgres.AddDatabase("passengersdb");
var tripsdb = postgres.AddDatabase("tripsdb");
var dispatchdb = postgres.AddDatabase("dispatchdb");
var notificationsdb = postgres.AddDatabase("notificationsdb");
var driversdb = postgres.AddDatabase("driversdb");

var kafka = builder.AddKafka("kafka")
    .WithChannel("taxi.trips.events", partitions: 6)
    .WithChannel("taxi.dispatch.events", partitions: 6)
    .WithChannel("taxi.dispatch.offers", partitions: 6)
    .WithChannel("taxi.dispatch.replies", partitions: 6)
    .WithChannel("taxi.drivers.events", partitions: 6)
    .WithChannel("taxi.drivers.locations", partitions: 6)
    .WithChannel("taxi.drivers.requests", partitions: 6);

var passengers = builder.AddProject<Projects.TaxiHailing_Passengers>("passengers")
    .WithHttpEndpoint(port: 5200)
    .WithReference(passengersdb).WaitFor(passengersdb)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.TaxiHailing_Trips>("trips")
    .WithHttpEndpoint(port: 5100)
    .WithReference(passengers).WaitFor(passengers)
    .WithReference(tripsdb).WaitFor(tripsdb)
    .WithReference(kafka).WaitFor(kafka)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.TaxiHailing_Dispatcher>("dispatcher")
    .WithReference(dispatchdb).WaitFor(dispatchdb)
    .WithReference(kafka).WaitFor(kafka)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.TaxiHailing_Drivers>("drivers")
    .WithHttpEndpoint(port: 5500)
    .WithReference(driversdb).WaitFor(driversdb)
    .WithReference(kafka).WaitFor(kafka)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.TaxiHailing_Notifications>("notifications")
    .WithHttpEndpoint(port: 5400)
    .WithReference(notificationsdb).WaitFor(notificationsdb)
    .WithReference(kafka).WaitFor(kafka)
    .WithHttpHealthCheck("/health");

builder.Build().Run();

public partial class Program;
