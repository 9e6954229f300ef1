using Hotspot.Auth;
using Hotspot.Http;
using Microsoft.Extensions.Options;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// Bounds what one buyer can make a merchant's account do: <see cref="PerAddress"/> purchases per client address and
/// <see cref="PerRouter"/> per router within <see cref="LoginThrottle.Window"/> (counted in Table Storage, shared by
/// every instance), and at most <see cref="OpenPerMac"/> unpaid purchases per device MAC. Over a bound: 429 with Retry-After.
/// </summary>
public sealed class PurchaseLimits(LoginThrottle throttle, CompraStore compras, IOptions<PurchaseOptions> options, TimeProvider clock)
{
    /// <summary>Generous: a venue's guests often share one public address.</summary>
    public const int PerAddress = 30;
    public const int PerRouter = 300;
    public const int OpenPerMac = 3;

    public async Task AdmitAsync(RouterPrincipal key, CompraRequest normalized, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(normalized);
        if (normalized.MacCliente is { } mac)
        {
            var now = clock.GetUtcNow();
            var since = now - TimeSpan.FromMinutes(options.Value.CheckoutMinutes);
            var open = new List<DateTimeOffset>();
            await foreach (var c in compras.StreamAsync(key.Empresa.Id, new CompraFiltro(key.Router.Id, null, since), cancellationToken))
            {
                if (c.MacCliente == mac && CompraEstados.AwaitsPayment(c.Estado) && c.ExpiraEn > now)
                {
                    open.Add(c.ExpiraEn);
                }
            }

            if (open.Count >= OpenPerMac)
            {
                throw new TooManyAttemptsException(open.Min() - now);
            }
        }

        ThrottleSubject[] subjects =
        [
            new(true, "compra|" + clientAddress, PerAddress, ClearedBySuccess: false),
            new(false, "compra-router|" + key.Router.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), PerRouter, ClearedBySuccess: false),
        ];
        var attempt = await throttle.ReserveAsync(subjects, cancellationToken);
        if (attempt.RetryAfter is { } wait)
        {
            throw new TooManyAttemptsException(wait);
        }
    }
}
