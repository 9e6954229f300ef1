using Hotspot.Secrets;

namespace Hotspot.Unifi;

/// <summary>
/// How to reach one UniFi Network application through its Integration API.
/// </summary>
/// <param name="RouterId">Our id for the router; used in messages, never sent to the controller.</param>
/// <param name="BaseUrl">The Integration API root, e.g. <c>https://192.168.1.1/proxy/network/integration</c>.</param>
/// <param name="ApiKey">Supplies the <c>X-API-KEY</c> on each request (back it with the secret store; it is never logged).</param>
/// <param name="CertificateSha256">
/// Optional SHA-256 fingerprint of the console's certificate (hex, separators allowed). When set, exactly that
/// certificate is accepted, self-signed or not; when null, the certificate must be valid for the host.
/// </param>
/// <param name="AcceptAnyCertificate">Lab only: accept any certificate. Never combine with a pin.</param>
/// <param name="DefaultSite">The site (<c>internalReference</c>) used when a call names none.</param>
/// <param name="SiteManagerBudget">
/// Set when <paramref name="BaseUrl"/> is a console behind Ubiquiti's Site Manager connector: each request takes one of
/// the key's requests per minute, and none is sent once they are spent.
/// </param>
public sealed record UnifiRouterConnection(
    string RouterId,
    Uri BaseUrl,
    Func<CancellationToken, Task<string?>> ApiKey,
    string? CertificateSha256 = null,
    bool AcceptAnyCertificate = false,
    string DefaultSite = "default",
    SiteManager.SiteManagerBudget? SiteManagerBudget = null)
{
    public bool ViaSiteManager => SiteManagerBudget is not null;

    /// <summary>A router whose API key is the secret <c>router-{id}-unifi-api-key</c>, read on each request (the store caches).</summary>
    public static UnifiRouterConnection FromSecretStore(long routerId, Uri baseUrl, ISecretStore secrets,
        string? certificateSha256 = null, bool acceptAnyCertificate = false, string defaultSite = "default")
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var name = SecretNames.RouterUnifiApiKey(routerId);
        return new UnifiRouterConnection(routerId.ToString(System.Globalization.CultureInfo.InvariantCulture), baseUrl,
            cancellationToken => secrets.GetAsync(name, cancellationToken), certificateSha256, acceptAnyCertificate, defaultSite);
    }
}
