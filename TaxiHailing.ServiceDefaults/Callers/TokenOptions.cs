using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The bearer tokens every service accepts (section "Tokens"): HMAC-SHA256 signed with one key that the AppHost
/// generates for each run and gives every service. A deployment with an identity provider would validate against
/// the provider's published keys instead, and no service would hold a key that can sign.
/// </summary>
public sealed class TokenOptions
{
    public const string Section = "Tokens";
    public const int MinimumKeyBytes = 32;

    public string Issuer { get; set; } = "taxihailing";

    public string Audience { get; set; } = "taxihailing-api";

    /// <summary>The signing key, base64; at least 32 bytes.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long an issued token is valid.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);

    public byte[] SigningKeyBytes() => Convert.FromBase64String(SigningKey!);
}

internal sealed class TokenOptionsValidator : IValidateOptions<TokenOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add($"{TokenOptions.Section}:SigningKey is not set: give a base64 key of at least {TokenOptions.MinimumKeyBytes} bytes (the AppHost sets one for each run).");
        }
        else if (!IsBase64Key(options.SigningKey))
        {
            failures.Add($"{TokenOptions.Section}:SigningKey must be base64 and at least {TokenOptions.MinimumKeyBytes} bytes long.");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer)) failures.Add($"{TokenOptions.Section}:Issuer must not be empty.");
        if (string.IsNullOrWhiteSpace(options.Audience)) failures.Add($"{TokenOptions.Section}:Audience must not be empty.");
        if (options.Lifetime <= TimeSpan.Zero || options.Lifetime > TimeSpan.FromDays(1))
        {
            failures.Add($"{TokenOptions.Section}:Lifetime must be greater than 0 and at most a day.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsBase64Key(string value)
    {
        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var written) && written >= TokenOptions.MinimumKeyBytes;
    }
}
