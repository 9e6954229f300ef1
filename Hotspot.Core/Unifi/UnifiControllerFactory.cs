using Hotspot.Drivers;
using Microsoft.Extensions.Options;

namespace Hotspot.Unifi;

/// <summary>Creates the driver for one UniFi router; cheap, so create one per request.</summary>
public sealed class UnifiControllerFactory
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly UnifiSiteCache _sites;
    private readonly UnifiClientCache _clients;
    private readonly UnifiDriverOptions _options;

    internal UnifiControllerFactory(IHttpClientFactory httpClientFactory, UnifiSiteCache sites, UnifiClientCache clients, IOptions<UnifiDriverOptions> options)
    {
        _httpClientFactory = httpClientFactory;
        _sites = sites;
        _clients = clients;
        _options = options.Value;
    }

    /// <exception cref="ArgumentException">The connection both pins a certificate and accepts any, or its pin or URL is malformed.</exception>
    public IGuestAccessController Create(UnifiRouterConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!connection.BaseUrl.IsAbsoluteUri || connection.BaseUrl.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("The UniFi base URL is an absolute http(s) URL such as https://host/proxy/network/integration.", nameof(connection));
        }

        return new UnifiController(new UnifiApiClient(_httpClientFactory, connection, _options), connection, _sites, _clients, _options);
    }
}
