using Microsoft.Extensions.Configuration;

namespace TaxiHailing.Hosting;

public sealed class DistributedApplicationOptions
{
    public required IConfiguration Configuration { get; init; }

    /// <summary>The environment the services run in (DOTNET_ENVIRONMENT of the AppHost; Development under tests).</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>False under tests: every endpoint then takes a free port, so runs never collide.</summary>
    public bool UseFixedPorts { get; init; } = true;

    /// <summary>The control API's port on 127.0.0.1 (AppHost:ControlPort, default 18888); null under tests: a free port.</summary>
    public int? ControlPort { get; init; }

    /// <summary>Whether resources' output goes to the console (it is always kept for failure reports and tests).</summary>
    public bool EchoOutput { get; init; } = true;

    /// <summary>How long a started resource may take to become healthy before it is reported failed.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
