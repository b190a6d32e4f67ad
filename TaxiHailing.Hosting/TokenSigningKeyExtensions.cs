using System.Security.Cryptography;

namespace TaxiHailing.Hosting;

internal static class TokenSigningKeyExtensions
{
    private const string Name = "token-signing-key";

    /// <summary>
    /// The service accepts, and issues, tokens signed with the model's one key (ServiceDefaults' Tokens:SigningKey),
    /// so that a token from any service works at all of them.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTokenSigningKey(this IResourceBuilder<ProjectResource> service) =>
        service.WithEnvironment("Tokens__SigningKey", service.ApplicationBuilder.TokenSigningKey());

    // A fresh key for each run, so tokens die with the run as its data does; a secret asked for at deployment when
    // publishing. Made by the first service that needs it.
    private static IResourceBuilder<ParameterResource> TokenSigningKey(this IDistributedApplicationBuilder builder)
    {
        if (builder.Resources.OfType<ParameterResource>().FirstOrDefault(resource => resource.Name == Name) is { } existing)
        {
            return builder.CreateResourceBuilder(existing);
        }

        return builder.ExecutionContext.IsPublishMode
            ? builder.AddParameter(Name, secret: true)
            : builder.AddParameter(Name, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), secret: true);
    }
}
