using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class DependencyExtensions
{
    /// <summary>
    /// A typed HttpClient for the service named <paramref name="name"/> (found by service discovery at
    /// http://{name}), guarded by the pipeline that section Dependencies:{name} configures instead of the standard
    /// handler every other client gets, or by the library's defaults while it is switched to them. Its settings are
    /// validated at start. Every call carries this service's own bearer token.
    /// </summary>
    public static IHttpClientBuilder AddHttpDependency<TClient>(this IHostApplicationBuilder builder, string name) where TClient : class
    {
        var section = builder.Configuration.GetSection($"{DependencyOptions.Section}:{name}");
        builder.Services.AddOptions<DependencyOptions>(name).Bind(section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DependencyOptions>, DependencyOptionsValidator>());
        builder.Services.AddSingleton(new DependencyName(name));
        builder.Services.TryAddSingleton(services => new DependencyRegistry(
            services.GetServices<DependencyName>(), services.GetRequiredService<IOptionsMonitor<DependencyOptions>>()));
        builder.Services.TryAddSingleton<DependencyTelemetry>();
        DependencyPipelines.Register(builder.Services, name);

        var http = builder.Services.AddHttpClient<TClient>(client => client.BaseAddress = new Uri($"http://{name}"));
        builder.AddCallerTokens();
        builder.Services.TryAddTransient<ServiceTokenHandler>();
        http.AddHttpMessageHandler<ServiceTokenHandler>();
        // Marked experimental, but it is the supported way to replace the standard handler ServiceDefaults adds.
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        http.AddHttpMessageHandler(services => new DependencyFailureHandler(
            services.GetRequiredService<DependencyRegistry>().Get(name), services.GetRequiredService<DependencyTelemetry>()));
        http.AddHttpMessageHandler(services => DependencyPipelines.HandlerFor(name, services));
        return http;
    }
}

/// <summary>Logs and counts every call that brought no answer, with why, before the caller falls back.</summary>
internal sealed class DependencyFailureHandler(Dependency dependency, DependencyTelemetry telemetry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (DependencyFailures.Of(exception, cancellationToken) is { } failure)
        {
            telemetry.CallFailed(dependency.Name, failure, request.Method.Method, request.RequestUri?.AbsolutePath ?? "");
            throw;
        }
    }
}
