using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TaxiHailing.EndToEnd.Tests;

/// <summary>The deployment manifest, written as users write it: `dotnet run --project TaxiHailing.AppHost -- --publisher manifest`.</summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task The_manifest_describes_the_services_as_projects_and_postgres_and_kafka_as_things_azd_can_provision()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("taxihailing-manifest-").FullName, "aspire-manifest.json");
        try
        {
            var resources = (await PublishAsync(output))["resources"]!.AsObject();

            Assert.All(resources, resource => Assert.NotEqual("executable.v0", resource.Value!["type"]!.GetValue<string>()));
            foreach (var service in (string[])["passengers", "trips", "dispatcher", "drivers", "notifications"])
            {
                Assert.Equal("project.v0", resources[service]!["type"]!.GetValue<string>());
                Assert.EndsWith($"TaxiHailing.{char.ToUpperInvariant(service[0])}{service[1..]}.csproj", resources[service]!["path"]!.GetValue<string>());
            }

            // Phones reach the public services; the dispatcher stays inside.
            Assert.True(resources["trips"]!["bindings"]!["http"]!["external"]?.GetValue<bool>());
            Assert.Null(resources["dispatcher"]!["bindings"]!["http"]!["external"]);

            Assert.Equal("container.v0", resources["postgres"]!["type"]!.GetValue<string>());
            foreach (var database in (string[])["passengersdb", "tripsdb", "dispatchdb", "notificationsdb", "driversdb"])
            {
                Assert.Equal("value.v0", resources[database]!["type"]!.GetValue<string>());
                Assert.Contains("{postgres.connectionString}", resources[database]!["connectionString"]!.GetValue<string>());
            }

            // Kafka is a managed cluster's bootstrap servers, asked for at deployment.
            Assert.Equal("parameter.v0", resources["kafka"]!["type"]!.GetValue<string>());
            var trips = resources["trips"]!["env"]!.AsObject();
            Assert.Equal("{kafka.connectionString}", trips["ConnectionStrings__kafka"]!.GetValue<string>());
            Assert.Equal("{tripsdb.connectionString}", trips["ConnectionStrings__tripsdb"]!.GetValue<string>());
            Assert.Contains("passengers", trips["services__passengers__http__0"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    private static async Task<JsonObject> PublishAsync(string output)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "TaxiHailing.AppHost.dll"), "--publisher", "manifest", "--output-path", output },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(startInfo)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"the manifest publisher exited with {process.ExitCode}:{Environment.NewLine}{await log}{await errors}");
        return JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject();
    }
}
