using Hotspot.Sales.Purchases;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Hotspot.DevHost;

/// <summary>
/// On the DevHost an unset <c>Hotspot:Ventas:PublicBaseUrl</c> is the address Kestrel listens on (a wildcard bind
/// read as localhost), so local runs and tests need no setting; the request's Host is never used.
/// </summary>
internal sealed class DevHostPublicAddress(IServer server) : IPostConfigureOptions<PurchaseOptions>
{
    public void PostConfigure(string? name, PurchaseOptions options)
    {
        if (options.PublicBaseUrl is not null || server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is not { } address)
        {
            return;
        }

        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        options.PublicBaseUrl = uri.Uri;
    }
}
