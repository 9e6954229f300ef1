using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Sales.Catalog;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Purchases.Engine;
using Hotspot.Tenancy;
using Microsoft.Extensions.Logging;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// Refunds from the admin API, full or partial, idempotent: the refund is written to the purchase (with its number)
/// before the provider is asked, and the provider's idempotency key is derived from that number, so a retry (same
/// Idempotency-Key, or a rerun after a crash) refunds once. A full refund removes the access.
/// </summary>
public sealed class PurchaseRefunds(
    CompraStore compras,
    PaymentProviders providers,
    PaymentCredentialStore credentials,
    PurchaseRows rows,
    PurchaseTruth truth,
    PurchaseFulfilment fulfilment,
    PurchaseSteps steps,
    AuditLog audit,
    TimeProvider clock,
    ILogger<PurchaseRefunds> logger)
{
    private static readonly TimeSpan RouterBudget = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan ProviderRetryAfter = TimeSpan.FromSeconds(10);

    public async Task<ReembolsoRespuesta> RefundAsync(AdminCaller caller, string compraId, string? idempotencyHeader, ReembolsoRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var compra = await compras.FindAsync(compraId, cancellationToken);
        if (compra is null || !caller.Principal.CanAccess(compra.EmpresaId))
        {
            throw new NotFoundException("Compra no encontrada.");
        }

        var clave = idempotencyHeader is { Length: > 0 } header ? CompraClaims.Hash(CompraRules.IdempotencyKey(header)) : null;
        var pedido = CompraReembolsos.PedidoOf(request.Monto);
        var reembolso = Existing(compra, clave, pedido) ?? (Complete(compra, request) ? Last(compra) : null);
        if (reembolso is null)
        {
            (compra, reembolso) = await RecordAsync(compra, clave, pedido, request, cancellationToken);
        }

        if (reembolso.Referencia is null)
        {
            (compra, reembolso) = await ExecuteAsync(compra, reembolso, cancellationToken);
            await audit.RecordAsync(caller, "compra.reembolso", $"compra:{compra.Id}", compra.EmpresaId, cancellationToken);
        }

        if (compra.RevocacionPendiente)
        {
            compra = await fulfilment.RunAsync(compra, RouterBudget, cancellationToken);
        }

        return new ReembolsoRespuesta(
            compra.Id, compra.Estado, compra.Monto, compra.MontoReembolsado, compra.Moneda,
            CompraEstados.RemovesAccess(compra.Estado) && !compra.RevocacionPendiente,
            new ReembolsoHecho(reembolso.Numero, Money.FromCents(reembolso.ReembolsadoCentavos ?? reembolso.MontoCentavos ?? 0), reembolso.Referencia, reembolso.Fecha));
    }

    /// <summary>
    /// The refund this request repeats: the one with its Idempotency-Key (409 when that key asked for something else),
    /// else, for a request without a key, an unconfirmed one that asked the same (a retry after a timeout or a crash).
    /// </summary>
    private static CompraReembolso? Existing(CompraEntity compra, string? clave, string pedido)
    {
        var all = CompraReembolsos.Read(compra.ReembolsosJson);
        if (clave is not null)
        {
            var keyed = all.FirstOrDefault(r => r.ClaveIdempotencia == clave);
            return keyed is not null && keyed.Pedido is { } asked && asked != pedido
                ? throw new ConflictException("Esta Idempotency-Key ya se usó para otro reembolso de esta compra; use otra clave.")
                : keyed;
        }

        return all.FirstOrDefault(r => r.Referencia is null && r.ClaveIdempotencia is null && (r.Pedido ?? pedido) == pedido);
    }

    /// <summary>A full refund asked again of a purchase already refunded in full repeats the last refund.</summary>
    private static bool Complete(CompraEntity compra, ReembolsoRequest request) =>
        request.Monto is null && compra.MontoReembolsadoCentavos >= compra.MontoCentavos && Last(compra) is not null;

    private static CompraReembolso? Last(CompraEntity compra)
    {
        var all = CompraReembolsos.Read(compra.ReembolsosJson);
        return all.Count > 0 ? all[^1] : null;
    }

    /// <summary>
    /// Writes the refund before the provider is asked. What is left is computed inside the ETag-checked write, over
    /// every refund recorded (confirmed or still in flight), so concurrent refunds never add up to more than was paid,
    /// and each request gets its own number (hence its own provider call and its own answer).
    /// </summary>
    private async Task<(CompraEntity, CompraReembolso)> RecordAsync(CompraEntity compra, string? clave, string pedido, ReembolsoRequest request, CancellationToken cancellationToken)
    {
        if (compra.PagoProveedorId is null && CompraEstados.IsPaid(compra.Estado))
        {
            compra = await PullAsync(compra, cancellationToken);
        }

        if (!CompraEstados.IsPaid(compra.Estado) || compra.PagoProveedorId is null)
        {
            throw new ConflictException("La compra no tiene un pago aprobado que reembolsar.");
        }

        var asked = request.Monto is { } monto ? Money.ToCents(monto) ?? 0 : (long?)null;
        if (asked <= 0)
        {
            throw TooMuch(compra.MontoCentavos - compra.MontoReembolsadoCentavos);
        }

        CompraReembolso? recorded = null, repeated = null;
        long? refused = null;
        compra = await rows.UpdateAsync(compra, c =>
        {
            (recorded, repeated, refused) = (null, null, null);
            var all = CompraReembolsos.Read(c.ReembolsosJson);
            repeated = clave is null
                ? all.FirstOrDefault(r => r.Referencia is null && r.ClaveIdempotencia is null && (r.Pedido ?? pedido) == pedido)
                : all.FirstOrDefault(r => r.ClaveIdempotencia == clave);
            if (repeated is not null)
            {
                return false; // a concurrent request with this key (or this same keyless request) recorded it first
            }

            var left = c.MontoCentavos - Math.Max(c.MontoReembolsadoCentavos, all.Sum(r => r.ReembolsadoCentavos ?? r.MontoCentavos ?? 0));
            var cents = asked ?? left;
            if (cents <= 0 || cents > left)
            {
                refused = left;
                return false;
            }

            recorded = new CompraReembolso(all.Count + 1, cents, clave, request.Motivo is { Length: > 0 } m ? m[..Math.Min(m.Length, 200)] : null, clock.GetUtcNow(), null, null, pedido);
            c.ReembolsosJson = CompraReembolsos.Write(all.Append(recorded));
            return true;
        }, cancellationToken);
        if (repeated is not null)
        {
            return repeated.Pedido is { } p && p != pedido
                ? throw new ConflictException("Esta Idempotency-Key ya se usó para otro reembolso de esta compra; use otra clave.")
                : (compra, repeated);
        }

        return recorded is not null ? (compra, recorded) : throw TooMuch(Math.Max(refused ?? 0, 0));
    }

    private static InvalidFieldsException TooMuch(long left) =>
        new(new FieldErrors().Add("monto", $"El monto es positivo, con dos decimales como máximo, y no supera lo que queda por reembolsar ({Money.FromCents(left)})."));

    private async Task<(CompraEntity, CompraReembolso)> ExecuteAsync(CompraEntity compra, CompraReembolso reembolso, CancellationToken cancellationToken)
    {
        if (!PaymentProviderNames.TryParse(compra.Proveedor, out var kind))
        {
            throw new InvalidOperationException($"Purchase {compra.Id} names an unknown provider.");
        }

        RefundResult result;
        try
        {
            var account = await credentials.GetAccountAsync(compra.EmpresaId, kind, cancellationToken)
                ?? throw new PaymentProviderException(kind, PaymentFailure.BadCredentials, "No credentials are configured.");
            result = await providers.Provider(kind).RefundAsync(account,
                new RefundRequest(compra.Id, reembolso.Numero, compra.PagoProveedorId!, Money.FromCents(reembolso.MontoCentavos ?? 0), compra.Moneda), cancellationToken);
        }
        catch (PaymentProviderException e)
        {
            logger.LogWarning("Purchase {CompraId}: refund {Number} failed at the provider: {Reason}", compra.Id, reembolso.Numero, e.Message);
            throw e.Failure == PaymentFailure.Unavailable
                ? new UnavailableException("El proveedor de pagos no responde; repita el reembolso (no se cobrará dos veces).", ProviderRetryAfter, e)
                : new ConflictException("El proveedor de pagos rechazó el reembolso.");
        }

        await steps.ReachedAsync(PurchaseStep.RefundedAtProvider, compra, cancellationToken);
        var confirmed = reembolso with { Referencia = result.RefundId, ReembolsadoCentavos = Money.ToCents(result.Amount) ?? reembolso.MontoCentavos };
        compra = await rows.UpdateAsync(compra, c =>
        {
            var all = CompraReembolsos.Read(c.ReembolsosJson).Select(r => r.Numero == confirmed.Numero ? confirmed : r).ToList();
            c.ReembolsosJson = CompraReembolsos.Write(all);
            c.MontoReembolsadoCentavos = Math.Max(c.MontoReembolsadoCentavos, all.Sum(r => r.ReembolsadoCentavos ?? 0));
            if (c.MontoReembolsadoCentavos >= c.MontoCentavos)
            {
                rows.Move(c, CompraEstados.Reembolsada, CompraSenales.Reembolso);
            }

            return true;
        }, cancellationToken);
        return (compra, confirmed);
    }

    private async Task<CompraEntity> PullAsync(CompraEntity compra, CancellationToken cancellationToken)
    {
        try
        {
            return await truth.PullAsync(compra, CompraSenales.Reembolso, cancellationToken);
        }
        catch (PaymentProviderException e)
        {
            throw new UnavailableException("El proveedor de pagos no responde; repita el reembolso.", ProviderRetryAfter, e);
        }
    }
}
