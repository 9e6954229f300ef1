using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Sales.Payments;
using Hotspot.Tenancy;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// A company's credentials at a provider, from the admin API: written to the secret store and never answered back;
/// the answer says what is configured and the webhook URL to paste in the provider's dashboard.
/// </summary>
public sealed class PaymentSettings(EmpresaStore empresas, PaymentCredentialStore credentials, PurchaseUrls urls, AuditLog audit)
{
    private const int MaxSecretLength = 1000;

    public async Task<PagoConfigRespuesta> ConfigureAsync(AdminCaller caller, long empresaId, string? proveedor, PagoConfigRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!PaymentProviderNames.TryParse(proveedor, out var kind) || !caller.Principal.CanAccess(empresaId)
            || await empresas.GetAsync(empresaId, cancellationToken) is null)
        {
            throw new NotFoundException("Empresa o proveedor de pagos no encontrado.");
        }

        var errors = new FieldErrors();
        if (request.ApiKey is not { Length: > 0 and <= MaxSecretLength })
        {
            errors.Add("api_key", "Indique el access token (Mercado Pago) o la clave secreta (Stripe).");
        }

        if (request.WebhookSecret is not { Length: > 0 and <= MaxSecretLength })
        {
            errors.Add("webhook_secret", "Indique el secreto con que el proveedor firma sus webhooks.");
        }

        errors.ThrowIfAny();
        var webhookUrl = PurchaseUrls.Webhook(urls.Base(), kind, empresaId).AbsoluteUri;
        await credentials.SetAsync(empresaId, kind, request.ApiKey!, request.WebhookSecret!, cancellationToken);
        await audit.RecordAsync(caller, "pagos.configurar", $"empresa:{empresaId}:{PaymentProviderNames.Of(kind)}", empresaId, cancellationToken);
        return new PagoConfigRespuesta(empresaId, PaymentProviderNames.Of(kind), new PagoConfigurado(true, true), webhookUrl);
    }
}
