using System.Security.Cryptography;
using System.Text;
using Hotspot.Secrets;
using Microsoft.Extensions.Configuration;

namespace Hotspot.Radius;

/// <summary>
/// The deployment secret FreeRADIUS's rlm_rest sends in <see cref="Header"/>: from <c>Hotspot:Radius:RestSecret</c>,
/// else the secret store's <c>radius-rest-secret</c>. With neither, every call is refused. Compared in constant time.
/// </summary>
public sealed class RadiusRestSecret(IConfiguration configuration, ISecretStore secrets)
{
    public const string Header = "X-Hotspot-Radius-Secret";
    public const string ConfigurationKey = Hosting.ConfigurationKeys.RadiusRestSecret;
    private byte[]? _expected;

    public async Task<bool> IsPresentedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expected = _expected ??= await ExpectedAsync(cancellationToken);
        var presented = request.Headers[Header].ToString();
        return expected.Length > 0 && presented.Length > 0
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected);
    }

    private async Task<byte[]> ExpectedAsync(CancellationToken cancellationToken)
    {
        var secret = configuration[ConfigurationKey] is { Length: > 0 } configured ? configured : await secrets.GetAsync(SecretNames.RadiusRestSecret, cancellationToken);
        return string.IsNullOrEmpty(secret) ? [] : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }
}
