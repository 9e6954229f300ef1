using Hotspot.Hosting;
using Microsoft.Extensions.Configuration;

namespace Hotspot.Auth;

/// <summary>Session, password and API-key settings, read from the keys in <see cref="ConfigurationKeys"/>.</summary>
public sealed class AuthOptions
{
    public int SessionExpireHours { get; set; } = 24;

    public int BcryptCost { get; set; } = 12;

    public int ApiKeyLifetimeDays { get; set; } = 365;

    public int SecretRotationGraceHours { get; set; } = 72;

    /// <summary>Local override of the session signing secret (DevHost); Azure reads Key Vault.</summary>
    public string? SessionSecret { get; set; }

    /// <summary>Local override of the API-key signing secret (DevHost); Azure reads Key Vault.</summary>
    public string? ApiKeySecret { get; set; }

    public static void Bind(AuthOptions options, IConfiguration configuration)
    {
        options.SessionExpireHours = configuration.GetValue(ConfigurationKeys.SessionExpireHours, options.SessionExpireHours);
        options.BcryptCost = configuration.GetValue(ConfigurationKeys.BcryptCost, options.BcryptCost);
        options.ApiKeyLifetimeDays = configuration.GetValue(ConfigurationKeys.ApiKeyLifetimeDays, options.ApiKeyLifetimeDays);
        options.SecretRotationGraceHours = configuration.GetValue(ConfigurationKeys.SecretRotationGraceHours, options.SecretRotationGraceHours);
        options.SessionSecret = NullIfEmpty(configuration[ConfigurationKeys.SessionSecret]);
        options.ApiKeySecret = NullIfEmpty(configuration[ConfigurationKeys.ApiKeySecret]);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
