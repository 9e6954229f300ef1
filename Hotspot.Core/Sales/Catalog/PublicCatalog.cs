using Hotspot.Auth;
using Hotspot.Branding;
using Hotspot.Http;
using Hotspot.Sales.Payments;

namespace Hotspot.Sales.Catalog;

/// <summary>
/// The portal's side of the catalog (router API key): what the router's page shows before a guest buys. Only active
/// products of the key's own router, in the operator's order; a deactivated router or company sells nothing.
/// </summary>
public sealed class PublicCatalog(ProductoStore productos, PaymentCredentialStore payments, MarcaEfectiva marcas)
{
    /// <summary>The company and router a portal page belongs to, and the payment providers its company has configured.</summary>
    public async Task<ConfigPublica> ConfigAsync(RouterPrincipal key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureSelling(key);
        var providers = await payments.EnabledProvidersAsync(key.Empresa.Id, cancellationToken);
        return new ConfigPublica(
            new EmpresaPublica(key.Empresa.Id, key.Empresa.Nombre, null, null, null),
            new RouterPublico(key.Router.Id, key.Router.Nombre, key.Router.Ubicacion),
            new PagosPublicos([.. providers.Select(PaymentProviderNames.Of)], "redireccion"),
            await marcas.ForAsync(key.Empresa, key.Router, cancellationToken));
    }

    public async Task<IReadOnlyList<ProductoEnVenta>> ListAsync(RouterPrincipal key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureSelling(key);
        var onSale = new List<ProductoEntity>();
        await foreach (var producto in productos.AllAsync(key.Router.Id, cancellationToken))
        {
            if (producto.Activo)
            {
                onSale.Add(producto);
            }
        }

        return [.. onSale.OrderBy(p => p.OrdenVisual).ThenByDescending(p => p.Destacado).ThenBy(p => p.CreadoEn).Select(ProductoEnVenta.From)];
    }

    public async Task<ProductoEnVenta> GetAsync(RouterPrincipal key, string productoId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        EnsureSelling(key);
        return ProductoIds.RouterOf(productoId) == key.Router.Id
            && await productos.GetAsync(key.Router.Id, productoId, cancellationToken) is { Activo: true } producto
                ? ProductoEnVenta.From(producto)
                : throw new NotFoundException("Producto no encontrado o fuera de venta.");
    }

    /// <summary>A deactivated router or company sells nothing: 403.</summary>
    public static void EnsureSelling(RouterPrincipal key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Router.Activo || !key.Empresa.Activa)
        {
            throw new ForbiddenException("El router o su empresa están desactivados: no se vende acceso.");
        }
    }
}
