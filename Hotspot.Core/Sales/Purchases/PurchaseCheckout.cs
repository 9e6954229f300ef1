using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Sales.Catalog;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Provisioning;
using Hotspot.Sales.Purchases.Engine;
using Hotspot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotspot.Sales.Purchases;

/// <summary>The outcome of <c>POST /compras</c>: the answer, and whether it replays an earlier request's.</summary>
public sealed record CheckoutOutcome(CompraCreada Compra, bool Replayed);

/// <summary>
/// Starts a purchase from the portal: checks the request, claims its Idempotency-Key, writes the purchase with the
/// product's snapshot and the user name it will get, then makes the provider's checkout with an idempotency key of
/// its own. Each step is resumable: a request with the same key after a crash, a timeout or a provider outage picks up
/// where the first one stopped and answers the same body.
/// </summary>
public sealed class PurchaseCheckout(
    ProductoStore productos,
    CompraStore compras,
    CompraClaims claims,
    CompraWorkList work,
    PaymentProviders providers,
    PaymentCredentialStore credentials,
    PurchaseCredentials purchaseCredentials,
    PurchaseRows rows,
    PurchaseSteps steps,
    PurchaseUrls urls,
    PurchaseLimits limits,
    IOptions<PurchaseOptions> options,
    TimeProvider clock,
    ILogger<PurchaseCheckout> logger)
{
    /// <summary>A checkout nobody paid is pulled from the provider this long after it was made (lost webhooks).</summary>
    public static readonly TimeSpan FirstPull = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan ProviderRetryAfter = TimeSpan.FromSeconds(5);

    public async Task<CheckoutOutcome> StartAsync(RouterPrincipal key, string? idempotencyHeader, CompraRequest request, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var idempotencyKey = CompraRules.IdempotencyKey(idempotencyHeader);
        PublicCatalog.EnsureSelling(key);
        var normalized = CompraRules.Validate(request, out var proveedor);
        if (!LoginPageHosts.Allows(key.Router, new Uri(normalized.UrlLogin!)) && !urls.IsGuestPage(new Uri(normalized.UrlLogin!)))
        {
            throw new InvalidFieldsException(new FieldErrors().Add("url_login",
                "El operador no permite esta página de inicio de sesión: debe ser la del router ($(link-login-only)), en una IP local o en un host de hosts_login del router."));
        }

        var producto = ProductoIds.RouterOf(normalized.ProductoId) == key.Router.Id
            ? await productos.GetAsync(key.Router.Id, normalized.ProductoId!, cancellationToken)
            : null;
        if (producto is not { Activo: true })
        {
            throw new NotFoundException("Producto no encontrado o fuera de venta.");
        }

        var account = await credentials.GetAccountAsync(key.Empresa.Id, proveedor, cancellationToken)
            ?? throw new InvalidFieldsException(new FieldErrors().Add("proveedor", "La empresa no tiene configurado este proveedor de pagos."));
        var baseUrl = urls.Base();
        await limits.AdmitAsync(key, normalized, clientAddress, cancellationToken);
        var now = clock.GetUtcNow();
        var newId = CompraIds.New(key.Empresa.Id, now);
        var claim = await claims.ClaimAsync(key.Router.Id, idempotencyKey, newId, CompraRules.Hash(normalized), now, cancellationToken);
        if (claim.RequestHash != CompraRules.Hash(normalized))
        {
            throw new ConflictException("La clave de idempotencia ya se usó con otra compra: genere una nueva para una compra distinta.");
        }

        var replayed = claim.CompraId != newId;
        var compra = await compras.GetAsync(key.Empresa.Id, claim.CompraId, cancellationToken)
            ?? await WriteAsync(NewPurchase(claim.CompraId, key, producto, normalized, proveedor, now), cancellationToken);
        var token = await purchaseCredentials.ConsultTokenAsync(compra.Id, cancellationToken);
        if (compra.Estado == CompraEstados.Creada)
        {
            compra = await CreateCheckoutAsync(compra, account, baseUrl, token, cancellationToken);
        }

        return new CheckoutOutcome(Answer(compra, token), replayed);
    }

    private CompraEntity NewPurchase(string compraId, RouterPrincipal key, ProductoEntity producto, CompraRequest request, PaymentProviderKind proveedor, DateTimeOffset now) => new()
    {
        PartitionKey = CompraStore.Partition(key.Empresa.Id),
        RowKey = compraId,
        Id = compraId,
        EmpresaId = key.Empresa.Id,
        RouterId = key.Router.Id,
        ProductoId = producto.Id,
        ProductoNombre = producto.NombreVenta,
        MontoCentavos = producto.PrecioCentavos,
        Moneda = producto.Moneda,
        TiempoSegundos = producto.TiempoSegundos,
        LimiteMb = producto.LimiteMb,
        PerfilMikrotikNombre = producto.PerfilMikrotikNombre,
        LimiteSubidaKbps = producto.LimiteSubidaKbps,
        LimiteBajadaKbps = producto.LimiteBajadaKbps,
        TipoUsuario = request.TipoUsuario!,
        MacCliente = request.MacCliente,
        IpCliente = request.IpCliente,
        EmailCliente = request.EmailCliente,
        NombreCliente = request.NombreCliente,
        ConexionAutomatica = request.ConexionAutomatica ?? false,
        UrlLogin = request.UrlLogin!,
        Dst = request.Dst,
        Proveedor = PaymentProviderNames.Of(proveedor),
        Estado = CompraEstados.Creada,
        HistorialJson = CompraHistorial.Append(null, new CompraTransicion(now, "", CompraEstados.Creada, CompraSenales.Creacion)),
        ExpiraEn = DateTimeOffset.FromUnixTimeSeconds((now + TimeSpan.FromMinutes(options.Value.CheckoutMinutes)).ToUnixTimeSeconds()),
        Usuario = PurchaseCredentials.NewUserName(),
        CreadaEn = now,
        ActualizadaEn = now,
    };

    /// <summary>Lists the purchase for the reconciler, then writes it; a concurrent request with the same key may have written it first.</summary>
    private async Task<CompraEntity> WriteAsync(CompraEntity compra, CancellationToken cancellationToken)
    {
        await work.ScheduleAsync(compra, compra.CreadaEn + FirstPull, cancellationToken);
        try
        {
            compra = await compras.AddAsync(compra, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            compra = await compras.GetAsync(compra.EmpresaId, compra.Id, cancellationToken) ?? throw new InvalidOperationException($"Purchase {compra.Id} vanished.");
        }

        await steps.ReachedAsync(PurchaseStep.PurchaseWritten, compra, cancellationToken);
        return compra;
    }

    private async Task<CompraEntity> CreateCheckoutAsync(CompraEntity compra, PaymentAccount account, Uri baseUrl, string token, CancellationToken cancellationToken)
    {
        var kind = account.Provider;
        var checkoutRequest = new CheckoutRequest(
            compra.Id, compra.ProductoNombre, compra.Monto, compra.Moneda,
            PurchaseUrls.Return(baseUrl, compra.Id, token, "ok"),
            PurchaseUrls.Return(baseUrl, compra.Id, token, PurchaseUrls.Fallo),
            PurchaseUrls.Return(baseUrl, compra.Id, token, "pendiente"),
            kind == PaymentProviderKind.MercadoPago ? PurchaseUrls.Notification(baseUrl, kind, compra.EmpresaId) : null,
            compra.ExpiraEn,
            compra.EmailCliente);
        CheckoutCreated checkout;
        try
        {
            checkout = await providers.Provider(kind).CreateCheckoutAsync(account, checkoutRequest, cancellationToken);
        }
        catch (PaymentProviderException e)
        {
            logger.LogWarning("Purchase {CompraId}: the checkout could not be made: {Reason}", compra.Id, e.Message);
            throw new UnavailableException(
                e.Failure == PaymentFailure.Unavailable
                    ? "El proveedor de pagos no responde; repita la petición con la misma Idempotency-Key."
                    : "El proveedor de pagos rechazó la compra; el operador debe revisar la configuración de pagos.",
                ProviderRetryAfter, e);
        }

        await steps.ReachedAsync(PurchaseStep.CheckoutCreated, compra, cancellationToken);
        return await rows.UpdateAsync(compra, c =>
        {
            if (c.ReferenciaProveedor is not null)
            {
                return false;
            }

            c.ReferenciaProveedor = checkout.ProviderReference;
            c.UrlPago = checkout.PaymentUrl.AbsoluteUri;
            rows.Move(c, CompraEstados.PendientePago, CompraSenales.Creacion);
            return true;
        }, cancellationToken);
    }

    /// <summary>The 201's body: only what never changes after the checkout was made, so a replay answers the same words.</summary>
    private static CompraCreada Answer(CompraEntity c, string token) => new(
        c.Id, token, CompraEstados.PendientePago, CompraProducto.From(c), c.Monto, c.Moneda,
        new CompraPago(c.Proveedor, "redireccion", c.UrlPago, c.ExpiraEn), c.CreadaEn);
}
