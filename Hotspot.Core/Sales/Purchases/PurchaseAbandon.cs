using Hotspot.Sales.Payments;
using Hotspot.Sales.Purchases.Engine;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// The buyer leaves an unpaid purchase (the provider's cancel return, or "abandon" on the portal): its checkout is
/// closed at the provider first, and only a checkout that was closed (or never made) lets the purchase move to
/// cancelada. Money stays safe either way: a checkout the provider refuses to close was completed (paid or cash
/// chosen) and the truth says so; a payment that still arrives later moves cancelada to aprobada and provisions.
/// </summary>
public sealed class PurchaseAbandon(PaymentProviders providers, PaymentCredentialStore credentials, PurchaseRows rows)
{
    /// <summary>Closes the checkout and cancels the purchase; a purchase no longer waiting for money is answered as it is.</summary>
    public async Task<CompraEntity> AbandonAsync(CompraEntity compra, string senal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compra);
        if (!CompraEstados.AwaitsPayment(compra.Estado) || !await CloseAsync(compra, cancellationToken))
        {
            return compra;
        }

        return await rows.MoveAsync(compra, CompraEstados.Cancelada, senal, cancellationToken);
    }

    private async Task<bool> CloseAsync(CompraEntity compra, CancellationToken cancellationToken)
    {
        if (compra.ReferenciaProveedor is not { } reference || !PaymentProviderNames.TryParse(compra.Proveedor, out var kind))
        {
            // No checkout was ever handed out: nothing at the provider can take this purchase's money.
            return true;
        }

        var account = await credentials.GetAccountAsync(compra.EmpresaId, kind, cancellationToken)
            ?? throw new PaymentProviderException(kind, PaymentFailure.BadCredentials, $"empresa {compra.EmpresaId} has no {compra.Proveedor} credentials.");
        return await providers.Provider(kind).CloseCheckoutAsync(account, reference, cancellationToken);
    }
}
