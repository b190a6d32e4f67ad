using System.Security.Cryptography;

namespace TaxiHailing.Hosting;

public static class TokenSigningKeyExtensions
{
    /// <summary>
    /// The key that signs and checks every bearer token: a fresh one for each run, so tokens die with the run as
    /// its data does; a secret asked for at deployment when publishing.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddTokenSigningKey(this IDistributedApplicationBuilder builder, [ResourceName] string name) =>
        builder.ExecutionContext.IsPublishMode
            ? builder.AddParameter(name, secret: true)
            : builder.AddParameter(name, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), secret: true);

    /// <summary>The service accepts, and issues, tokens signed with <paramref name="key"/> (ServiceDefaults' Tokens:SigningKey).</summary>
    public static IResourceBuilder<ProjectResource> WithTokenSigningKey(this IResourceBuilder<ProjectResource> service, IResourceBuilder<ParameterResource> key) =>
        service.WithEnvironment("Tokens__SigningKey", key);
}
