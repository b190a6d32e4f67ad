namespace Microsoft.Extensions.Hosting;

/// <summary>The major versions a service's HTTP API serves side by side, oldest first, each with its OpenAPI document.</summary>
public sealed class ApiVersions(IReadOnlyList<string> all)
{
    public const string First = "v1";

    public IReadOnlyList<string> All { get; } = all;

    /// <summary>The version a route belongs to: its first segment when that is one of the versions, else the oldest.</summary>
    public static string Of(string? relativePath, IReadOnlyList<string> versions)
    {
        var firstSegment = (relativePath ?? "").TrimStart('/').Split('/')[0];
        return versions.Contains(firstSegment) ? firstSegment : versions[0];
    }
}
