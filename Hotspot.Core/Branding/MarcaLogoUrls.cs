using System.Globalization;
using Hotspot.Sales.Purchases;
using Microsoft.Extensions.Options;

namespace Hotspot.Branding;

/// <summary>
/// A logo's public address: the API's configured public base URL (never the request's Host, which the caller chooses)
/// and the route that serves it. Null without a logo, or while the public address is not configured.
/// </summary>
public sealed class MarcaLogoUrls(IOptions<PurchaseOptions> options)
{
    public Uri? For(long empresaId, string? hash) =>
        hash is not null && options.Value.PublicBaseUrl is { IsAbsoluteUri: true } configured
            ? new Uri(new Uri(configured.AbsoluteUri.TrimEnd('/') + "/"), string.Create(CultureInfo.InvariantCulture, $"api/v1/marcas/{empresaId}/logos/{hash}"))
            : null;
}
