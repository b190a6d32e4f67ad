namespace TaxiHailing.Hosting;

/// <summary>Runs a service project (its built assembly, with dotnet) or an executable as a child process.</summary>
internal sealed class ProjectRunner(ProcessResource resource, RunContext context) : ResourceRunner(resource, context)
{
    private static readonly HttpClient HealthProbe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private ChildProcess? _process;
    private int? _port;

    public override string Kind => resource is ProjectResource ? "Project" : "Executable";
    public Uri? Endpoint => _port is null ? null : new Uri($"http://localhost:{_port}");
    public override string Address => Endpoint?.ToString().TrimEnd('/') ?? "";

    public override IEnumerable<KeyValuePair<string, string>> ReferenceEnvironment() =>
        Endpoint is null ? [] : [new($"services__{Name}__http__0", Address)];

    public override ChildProcess? Child => _process;

    public override string? Ended => _process is { HasExited: true } process ? $"exited with code {process.ExitCode}" : null;

    public override Task WhenEnded(CancellationToken cancellationToken) => _process!.WaitForExitAsync(cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // A restarted resource keeps its port, so the addresses its dependents were given stay true.
        _port ??= resource.HasHttpEndpoint ? resource.FixedPort ?? FreePort.Next() : null;
        if (resource.FixedPort is { } fixedPort && !FreePort.IsFree(fixedPort))
        {
            throw new InvalidOperationException($"port {fixedPort} is already in use: stop what listens there, or set Ports:{Name} to another port");
        }

        var (command, args, workingDirectory) = resource switch
        {
            ProjectResource project => ("dotnet", (IReadOnlyList<string>)[AssemblyOf(project)], Path.GetDirectoryName(project.Project.ProjectPath)!),
            ExecutableResource executable => (executable.Command, executable.Args, executable.WorkingDirectory),
            _ => throw new NotSupportedException(resource.GetType().Name),
        };

        var environment = await EnvironmentAsync(cancellationToken);
        _process = ChildProcess.Start(command, args, workingDirectory, environment, line => Context.Console.Output(this, line));
    }

    public override async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        if (resource.HealthCheckPath is null) return null;
        try
        {
            using var response = await HealthProbe.GetAsync(new Uri(Endpoint!, resource.HealthCheckPath), cancellationToken);
            return response.IsSuccessStatusCode ? null : $"GET {resource.HealthCheckPath} answered {(int)response.StatusCode}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"GET {resource.HealthCheckPath} failed: {exception.Message}";
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not null) await _process.StopAsync(TimeSpan.FromSeconds(10));
    }

    private async Task<Dictionary<string, string>> EnvironmentAsync(CancellationToken cancellationToken)
    {
        var options = Context.Options;
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = options.EnvironmentName,
            ["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Guid.NewGuid()}",
        };
        if (Endpoint is not null) environment["ASPNETCORE_URLS"] = Address;
        if (options.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { } otlpEndpoint)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = options.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? "grpc";
        }

        if (options.EnvironmentName == "Development")
        {
            // See telemetry within a second instead of the exporters' production batching delays.
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }

        foreach (var reference in resource.References)
        {
            var referenced = Context.RunnerOf(reference);
            await referenced.Started.WaitAsync(cancellationToken);
            foreach (var (name, value) in referenced.ReferenceEnvironment()) environment[name] = value;
        }

        foreach (var (name, value) in resource.Environment) environment[name] = value;
        return environment;
    }

    private static string AssemblyOf(ProjectResource project) =>
        File.Exists(project.Project.AssemblyPath)
            ? project.Project.AssemblyPath
            : throw new InvalidOperationException($"{project.Project.AssemblyPath} does not exist: build the AppHost first (dotnet build TaxiHailing.AppHost)");
}
