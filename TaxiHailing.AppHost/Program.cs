using TaxiHailing.Contracts.Dispatch;
using TaxiHailing.Contracts.Drivers;
using TaxiHailing.Contracts.Trips;
using TaxiHailing.Hosting;

var builder = DistributedApplication.CreateBuilder(args);
builder.AddResourceControl().CheckStartingResourcesOften();

var postgres = builder.AddPostgresServer("postgres");
var passengersdb = postgres.AddDatabase("passengersdb");
var tripsdb = postgres.AddDatabase("tripsdb");
var dispatchdb = postgres.AddDatabase("dispatchdb");
var notificationsdb = postgres.AddDatabase("notificationsdb");
var driversdb = postgres.AddDatabase("driversdb");

var kafka = builder.AddKafkaBroker("kafka")
    .WithChannel(TripsChannels.Events, partitions: 6)
    .WithChannel(DispatchChannels.Events, partitions: 6)
    .WithChannel(DispatchChannels.Offers, partitions: 6)
    .WithChannel(DispatchChannels.Replies, partitions: 6)
    .WithChannel(DriversChannels.Events, partitions: 6)
    .WithChannel(DriversChannels.Locations, partitions: 6)
    .WithChannel(DriversChannels.Requests, partitions: 6)
    .WithChannel(DriversChannels.Trips, partitions: 6);

var passengers = builder.AddService<Projects.TaxiHailing_Passengers>("passengers", publicPort: 5200)
    .WithReference(passengersdb).WaitFor(passengersdb);

builder.AddService<Projects.TaxiHailing_Trips>("trips", publicPort: 5100)
    .WithReference(passengers)
    .WithReference(tripsdb).WaitFor(tripsdb)
    .WithReference(kafka).WaitFor(kafka);

builder.AddService<Projects.TaxiHailing_Dispatcher>("dispatcher")
    .WithReference(dispatchdb).WaitFor(dispatchdb)
    .WithReference(kafka).WaitFor(kafka);

builder.AddService<Projects.TaxiHailing_Drivers>("drivers", publicPort: 5500)
    .WithReference(driversdb).WaitFor(driversdb)
    .WithReference(kafka).WaitFor(kafka);

builder.AddService<Projects.TaxiHailing_Notifications>("notifications", publicPort: 5400)
    .WithReference(notificationsdb).WaitFor(notificationsdb)
    .WithReference(kafka).WaitFor(kafka);

builder.Build().Run();
