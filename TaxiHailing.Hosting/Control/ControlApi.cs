using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TaxiHailing.Hosting;

/// <summary>
/// A small HTTP API over <see cref="ResourceControl"/> for scripts and the partial-failure benchmark: lists the
/// resources and stops, starts, freezes and resumes them (POST /api/resources/{name}/stop|start|freeze|resume).
/// It listens on 127.0.0.1 only, on AppHost:ControlPort (18888 by default; 0 picks a free port), and acts on no
/// request a web page of another origin could send.
/// </summary>
public sealed class ControlApi(ResourceControl control, int port) : IHostedService, IAsyncDisposable
{
    public const int DefaultPort = 18888;
    private WebApplication? _web;

    public Uri Endpoint { get; private set; } = new($"http://127.0.0.1:{port}");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "TaxiHailing.AppHost", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ControlApiJsonContext.Default));
        var web = builder.Build();
        web.UseExceptionHandler();
        web.UseStatusCodePages();
        web.Use(SameOriginOnly.Filter);
        ControlApiEndpoints.Map(web.MapGroup(ControlApiEndpoints.ResourcePath), control);
        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            await web.DisposeAsync();
            throw new InvalidOperationException($"The control API cannot listen on 127.0.0.1:{port} ({exception.Message}); set AppHost:ControlPort to a free port.", exception);
        }

        _web = web;
        Endpoint = new Uri($"http://127.0.0.1:{new Uri(web.Urls.Single()).Port}");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_web is not null) await _web.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_web is not null) await _web.DisposeAsync();
    }
}
