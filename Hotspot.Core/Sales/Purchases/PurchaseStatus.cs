using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Provisioning;
using Hotspot.Sales.Purchases.Engine;
using Hotspot.Tenancy;
using Microsoft.Extensions.Logging;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// The buyer's view of a purchase: the portal's poll (router key + consult token) and the provider's return redirect
/// (consult token in the URL). Both are signals: they re-ask the provider (a poll at most every few seconds) and
/// do the router work the purchase is owed, then answer what the row says. An unknown purchase and a wrong token
/// answer alike.
/// </summary>
public sealed class PurchaseStatus(
    CompraStore compras, PurchaseCredentials credentials, PurchaseEngine engine, ProviderAskGate gate, PurchaseAbandon abandon, TenancyCache tenancy, PurchaseUrls urls, ILogger<PurchaseStatus> logger)
{
    /// <summary>The router work a poll or a return waits for at most; the reconciler finishes what is left.</summary>
    private static readonly TimeSpan RouterBudget = TimeSpan.FromSeconds(8);

    public async Task<CompraEstado> PollAsync(RouterPrincipal key, string compraId, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var compra = await FindAsync(key.Empresa.Id, compraId, token, cancellationToken);
        if (compra is null || compra.RouterId != key.Router.Id)
        {
            throw NotFound();
        }

        var ask = CompraEstados.AwaitsPayment(compra.Estado) && gate.TryClaim(compra);
        compra = await engine.AdvanceTolerantAsync(compra, CompraSenales.Consulta, ask, RouterBudget, cancellationToken);
        return await ViewAsync(compra, cancellationToken);
    }

    /// <summary>
    /// The buyer abandons an unpaid purchase from the portal: the provider is asked first (a payment made meanwhile wins),
    /// then the checkout is closed and the purchase cancelled. A purchase no longer waiting for money answers as it is.
    /// </summary>
    public async Task<CompraEstado> AbandonAsync(RouterPrincipal key, string compraId, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var compra = await FindAsync(key.Empresa.Id, compraId, token, cancellationToken);
        if (compra is null || compra.RouterId != key.Router.Id)
        {
            throw NotFound();
        }

        if (CompraEstados.AwaitsPayment(compra.Estado))
        {
            try
            {
                compra = await engine.AdvanceAsync(compra, CompraSenales.Abandono, askProvider: true, RouterBudget, cancellationToken);
                compra = await abandon.AbandonAsync(compra, CompraSenales.Abandono, cancellationToken);
            }
            catch (PaymentProviderException e)
            {
                // Not cancelled without the provider's word: the checkout may still take money.
                logger.LogWarning("Purchase {CompraId}: the provider could not be asked to close the checkout: {Reason}", compra.Id, e.Message);
                throw new UnavailableException("El proveedor de pagos no responde; intenta de nuevo en un momento.", TimeSpan.FromSeconds(5), e);
            }
        }

        return await ViewAsync(compra, cancellationToken);
    }

    /// <summary>
    /// The provider's return: asks the provider (at most once per poll interval, however often the URL is opened), then
    /// where the buyer goes: the purchase's router login page, with the purchase in <c>var</c>, while the operator
    /// still allows its host (<see cref="LoginPageHosts"/>). A return with <c>resultado=fallo</c> (Stripe's cancel_url,
    /// Mercado Pago's failure back_url) of a purchase the provider still calls open closes its checkout and cancels it
    /// at once: neither provider ever says so by itself before the checkout expires.
    /// </summary>
    public async Task<Uri> ReturnAsync(string compraId, string? token, string? resultado, CancellationToken cancellationToken)
    {
        var compra = await FindAsync(CompraIds.EmpresaOf(compraId) ?? 0, compraId, token, cancellationToken) ?? throw NotFound();
        var ask = CompraEstados.AwaitsPayment(compra.Estado) && gate.TryClaim(compra);
        compra = await engine.AdvanceTolerantAsync(compra, CompraSenales.Retorno, ask, RouterBudget, cancellationToken);
        if (ask && resultado == PurchaseUrls.Fallo && compra.Estado is CompraEstados.Creada or CompraEstados.PendientePago)
        {
            try
            {
                compra = await abandon.AbandonAsync(compra, CompraSenales.Retorno, cancellationToken);
            }
            catch (PaymentProviderException e)
            {
                logger.LogWarning("Purchase {CompraId}: the checkout could not be closed on the cancel return: {Reason}", compra.Id, e.Message);
            }
        }

        var router = await tenancy.RouterAsync(compra.EmpresaId, compra.RouterId, cancellationToken);
        if (router is null || !Uri.TryCreate(compra.UrlLogin, UriKind.Absolute, out var login) || !(LoginPageHosts.Allows(router, login) || urls.IsGuestPage(login)))
        {
            throw new ConflictException("La página de inicio de sesión de esta compra ya no está permitida por el operador; vuelva a conectarse a la red WiFi.");
        }

        var query = $"var={Uri.EscapeDataString(compra.Id + "." + token)}" + (compra.Dst is { } dst ? $"&dst={Uri.EscapeDataString(dst)}" : "");
        var page = new UriBuilder(login) { Fragment = "" };
        page.Query = page.Query.Length > 1 ? page.Query[1..] + "&" + query : query;
        return page.Uri;
    }

    public async Task<CompraEstado> ViewAsync(CompraEntity c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var provisioned = c.Estado == CompraEstados.Provisionada;
        return new CompraEstado(
            c.Id,
            c.Estado,
            c.EstadoPago,
            CompraProducto.From(c),
            c.Monto,
            c.Moneda,
            c.TipoUsuario,
            provisioned ? new UsuarioHotspot(c.Usuario, await credentials.PasswordAsync(c.Id, c.Usuario, cancellationToken)) : null,
            c.AutoConexionJson is { } auto ? JsonSerializer.Deserialize<AutoConexion>(auto, ApiJson.Options) : null,
            c.PagadaEn is null && !provisioned ? null
                : new CompraRecibo(Folio(c), c.PagadaEn, c.Proveedor, c.PagoProveedorId ?? c.ReferenciaProveedor, c.ProductoNombre, c.Monto, c.Moneda, c.TiempoSegundos),
            Mensaje(c.Estado),
            c.ActualizadaEn);
    }

    /// <summary>The purchase when the token is its own, compared in constant time; null for an unknown id and a wrong token alike.</summary>
    private async Task<CompraEntity?> FindAsync(long empresaId, string compraId, string? token, CancellationToken cancellationToken)
    {
        var expected = await credentials.ConsultTokenAsync(compraId, cancellationToken);
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(token ?? ""));
        var compra = await compras.GetAsync(empresaId, compraId, cancellationToken);
        return matches ? compra : null;
    }

    private static NotFoundException NotFound() => new("Compra no encontrada.");

    /// <summary>The receipt number: the purchase id without its company prefix, upper-case.</summary>
    private static string Folio(CompraEntity c) => c.Id[(c.Id.IndexOf('-', StringComparison.Ordinal) + 1)..].ToUpperInvariant();

    public static string? Mensaje(string estado) => estado switch
    {
        CompraEstados.Creada or CompraEstados.PendientePago => "Esperando el pago.",
        CompraEstados.EnProceso => "Pago pendiente: se confirmará en cuanto el proveedor lo acredite.",
        CompraEstados.Aprobada => "Pago recibido, activando tu acceso…",
        CompraEstados.Provisionada => null,
        CompraEstados.Rechazada => "El pago fue rechazado.",
        CompraEstados.Expirada => "El tiempo para pagar terminó; inicia una compra nueva.",
        CompraEstados.Cancelada => "El pago fue cancelado.",
        CompraEstados.RequiereAtencion => "Pago recibido, pero no pudimos activar tu acceso; el operador ya fue avisado.",
        CompraEstados.Reembolsada => "La compra fue reembolsada y el acceso retirado.",
        CompraEstados.Contracargo => "El pago fue revertido por el banco y el acceso retirado.",
        _ => null,
    };
}
