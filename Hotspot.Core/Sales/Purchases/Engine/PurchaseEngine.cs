using Hotspot.Sales.Payments;
using Microsoft.Extensions.Logging;

namespace Hotspot.Sales.Purchases.Engine;

/// <summary>
/// What every signal does with a purchase: re-ask the provider (when the signal is a reason to), request the
/// transition that follows, then do the router work the purchase is owed.
/// </summary>
public sealed class PurchaseEngine(PurchaseTruth truth, PurchaseFulfilment fulfilment, ILogger<PurchaseEngine> logger)
{
    /// <summary>
    /// Advances a purchase for a signal. <paramref name="askProvider"/> false skips the provider (a poll asked it
    /// moments ago). A provider that cannot answer leaves the purchase as it was and the caller decides (a webhook
    /// asks to be sent again; a poll answers from the row).
    /// </summary>
    public async Task<CompraEntity> AdvanceAsync(CompraEntity compra, string senal, bool askProvider, TimeSpan? routerBudget, CancellationToken cancellationToken)
    {
        if (askProvider)
        {
            compra = await truth.PullAsync(compra, senal, cancellationToken);
        }

        return await fulfilment.RunAsync(compra, routerBudget, cancellationToken);
    }

    /// <summary>As <see cref="AdvanceAsync"/>, but a provider that cannot answer is logged and the router work still runs.</summary>
    public async Task<CompraEntity> AdvanceTolerantAsync(CompraEntity compra, string senal, bool askProvider, TimeSpan? routerBudget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compra);
        if (askProvider)
        {
            try
            {
                compra = await truth.PullAsync(compra, senal, cancellationToken);
            }
            catch (PaymentProviderException e)
            {
                logger.LogWarning("Purchase {CompraId}: the provider could not be asked ({Signal}): {Reason}", compra.Id, senal, e.Message);
            }
        }

        return await fulfilment.RunAsync(compra, routerBudget, cancellationToken);
    }
}
