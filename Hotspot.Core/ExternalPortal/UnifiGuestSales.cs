using Hotspot.Auth;
using Hotspot.Branding;
using Hotspot.Http;
using Hotspot.Sales.Catalog;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Purchases;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.ExternalPortal;

/// <summary>What a venue offers on its guest page: its brand, the products on sale and the providers that take the money.</summary>
public sealed record GuestShop(RouterPrincipal Seller, GuestBrand Brand, IReadOnlyList<ProductoEnVenta> Products, IReadOnlyList<string> Providers)
{
    public bool Sells => Products.Count > 0 && Providers.Count > 0;
}

/// <summary>
/// Buying on the UniFi guest page, in process through the same services as the portal API (<c>POST /compras</c>, its
/// poll and abandon), as the router the page belongs to. The purchase returns from the hosted checkout to this page
/// (<see cref="ReturnPage"/>) on our own public address.
/// </summary>
public sealed class UnifiGuestSales(
    TenancyCache tenancy, PublicCatalog catalog, PaymentCredentialStore payments, MarcaEfectiva marcas, PurchaseCheckout checkout, PurchaseStatus status, PurchaseUrls urls)
{
    private const string PageKeyId = "guest-page";

    public async Task<GuestShop?> ShopAsync(RouterEntity router, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        if (await tenancy.EmpresaAsync(router.EmpresaId, cancellationToken) is not { } empresa)
        {
            return null;
        }

        var seller = new RouterPrincipal(PageKeyId, router, empresa);
        var brand = GuestBrand.From(await marcas.ForAsync(empresa, router, cancellationToken), Tenancy.CompanyTimeZone.Of(empresa));
        if (!empresa.Activa)
        {
            return new GuestShop(seller, brand, [], []);
        }

        var providers = await payments.EnabledProvidersAsync(empresa.Id, cancellationToken);
        return new GuestShop(seller, brand, await catalog.ListAsync(seller, cancellationToken), [.. providers.Select(PaymentProviderNames.Of)]);
    }

    /// <summary>Starts (or, with the same key, replays) a purchase for the device; the guest then pays at <c>pago.url_pago</c>.</summary>
    public async Task<CompraCreada> BuyAsync(
        GuestShop shop, GuestPortalVisit visit, string macCliente, string productoId, string proveedor, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(visit);
        var request = new CompraRequest(productoId, proveedor, macCliente, null, null, null, null, true, ReturnPage(visit, shop.Seller.Router.Id, macCliente).AbsoluteUri, null);
        return (await checkout.StartAsync(shop.Seller, idempotencyKey, request, visit.ClientAddress, cancellationToken)).Compra;
    }

    /// <summary>The purchase the ticket names, asked again of the provider; null for an unknown one, a wrong token or another router's.</summary>
    public async Task<CompraEstado?> FindAsync(GuestShop shop, GuestPurchaseTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(ticket);
        try
        {
            return await status.PollAsync(shop.Seller, ticket.CompraId, ticket.Token, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task<CompraEstado?> AbandonAsync(GuestShop shop, GuestPurchaseTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(ticket);
        try
        {
            return await status.AbandonAsync(shop.Seller, ticket.CompraId, ticket.Token, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// This page at our public address, naming its router, site, device, SSID and the guest's original <c>url</c>:
    /// <c>/retorno</c> sends the guest here with the purchase in <c>var</c>.
    /// </summary>
    private Uri ReturnPage(GuestPortalVisit visit, long routerId, string mac)
    {
        var query = new List<string>
        {
            "router=" + routerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "id=" + Uri.EscapeDataString(mac),
            "ssid=" + Uri.EscapeDataString(visit.Ssid),
        };
        if (visit.AccessPointMac is { } ap)
        {
            query.Add("ap=" + Uri.EscapeDataString(ap));
        }

        if (visit.Url is { Length: <= 1000 } url)
        {
            query.Add("url=" + Uri.EscapeDataString(url));
        }

        return new Uri(urls.Base(), $"guest/s/{Uri.EscapeDataString(visit.Site ?? "default")}/?{string.Join('&', query)}");
    }
}
