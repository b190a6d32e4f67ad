using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TaxiHailing.Trips.Tests;

/// <summary>The signing key a test host is given, as the AppHost gives one to every service, and tokens it accepts.</summary>
internal static class TestTokens
{
    public static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static T WithTestSigningKey<T>(this T builder) where T : IHostApplicationBuilder
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{TokenOptions.Section}:SigningKey"] = SigningKey });
        return builder;
    }

    /// <summary>A client header for <paramref name="role"/>, issued by the host under test.</summary>
    public static AuthenticationHeaderValue BearerFor(IServiceProvider services, string role, Guid? subject = null) =>
        new("Bearer", services.GetRequiredService<CallerTokens>().Issue((subject ?? Guid.NewGuid()).ToString(), role).AccessToken);
}
