using System.Globalization;
using Hotspot.Http;
using Hotspot.Sales.Alerts;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Payments.Webhooks;
using Hotspot.Sales.Purchases.Engine;
using Microsoft.Extensions.Logging;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// <c>POST /api/v1/webhooks/{proveedor}/{empresaId}</c>. The signature is checked on the raw request with the
/// company's webhook secrets before anything is parsed (a bad or missing one: 401, nothing written). A verified
/// notification is only a reason to re-ask the provider: the purchase it names is advanced like any other signal.
/// Copies are claimed atomically (one handles, the rest are answered as duplicates at once); an unknown purchase is logged and acknowledged, so the provider stops retrying.
/// </summary>
public sealed class PurchaseWebhooks(
    PaymentProviders providers,
    PaymentCredentialStore credentials,
    PaymentEventLog events,
    CompraStore compras,
    PurchaseEngine engine,
    SalesAlerts alerts,
    TimeProvider clock,
    ILogger<PurchaseWebhooks> logger)
{
    /// <summary>The router work a webhook waits for (providers give up after 10–22 s); the reconciler finishes the rest.</summary>
    private static readonly TimeSpan RouterBudget = TimeSpan.FromSeconds(8);

    private static readonly TimeSpan ProviderRetryAfter = TimeSpan.FromSeconds(30);

    public async Task<WebhookRecibido> HandleAsync(string? proveedor, string? empresaText, WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PaymentProviderNames.TryParse(proveedor?.Replace('-', '_'), out var kind))
        {
            throw new NotFoundException("Proveedor de pagos desconocido.");
        }

        var empresaId = long.TryParse(empresaText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : 0;
        var secrets = empresaId > 0 ? await credentials.GetWebhookSecretsAsync(empresaId, kind, cancellationToken) : [];
        var verification = providers.Verifier(kind).Verify(request, secrets);
        if (verification.Notice is not { } notice)
        {
            logger.LogWarning("Refused a {Provider} webhook for empresa {EmpresaId}: {Reason}", PaymentProviderNames.Of(kind), empresaId, verification.Failure);
            throw new UnauthorizedException("Firma del webhook inválida o ausente.");
        }

        var name = PaymentProviderNames.Of(kind);
        if (await events.ClaimAsync(empresaId, name, notice.DedupeKey, notice.EventType, clock.GetUtcNow(), cancellationToken) is not { } claim)
        {
            return new WebhookRecibido(true, true);
        }

        string? compraId;
        try
        {
            compraId = await FindPurchaseAsync(empresaId, kind, notice, cancellationToken);
            if (compraId is not null && await compras.GetAsync(empresaId, compraId, cancellationToken) is { } compra)
            {
                await engine.AdvanceAsync(compra, CompraSenales.Webhook, askProvider: true, RouterBudget, cancellationToken);
            }
            else
            {
                logger.LogWarning("A verified {Provider} webhook ({EventType}) for empresa {EmpresaId} names no purchase of ours", name, notice.EventType, empresaId);
                await alerts.PagoHuerfanoAsync(empresaId, notice, cancellationToken);
            }
        }
        catch (PaymentProviderException e)
        {
            await events.ReleaseAsync(claim, CancellationToken.None);
            logger.LogWarning("A verified {Provider} webhook for empresa {EmpresaId} could not be checked with the provider: {Reason}", name, empresaId, e.Message);
            throw new UnavailableException("El proveedor no respondió al consultar el pago; reenvíe la notificación.", ProviderRetryAfter, e);
        }
        catch
        {
            await events.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }

        await events.DoneAsync(claim, compraId, cancellationToken);
        return new WebhookRecibido(true, false);
    }

    private async Task<string?> FindPurchaseAsync(long empresaId, PaymentProviderKind kind, WebhookNotice notice, CancellationToken cancellationToken)
    {
        if (notice.PurchaseId is { } named)
        {
            return named;
        }

        return await credentials.GetAccountAsync(empresaId, kind, cancellationToken) is { } account
            ? await providers.Provider(kind).FindPurchaseIdAsync(account, notice, cancellationToken)
            : null;
    }
}
