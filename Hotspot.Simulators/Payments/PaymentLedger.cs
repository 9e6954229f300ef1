using System.Security.Cryptography;
using Hotspot.Simulators.Unifi;

namespace Hotspot.Simulators.Payments;

/// <summary>
/// Everything the simulated providers hold: accounts, checkouts, payments. One lock guards all of it; callers run
/// their whole read-modify-write inside <see cref="Locked{T}"/>.
/// </summary>
public sealed class PaymentLedger(SimulatorClock clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(PaymentProvider, string), SimulatedAccount> _accounts = [];
    private readonly Dictionary<string, SimulatedCheckout> _checkouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedPayment> _payments = new(StringComparer.Ordinal);
    private long _nextMercadoPagoId = 1_300_000_000 + RandomNumberGenerator.GetInt32(1_000_000);

    public SimulatorClock Clock => clock;

    public T Locked<T>(Func<T> action)
    {
        lock (_lock)
        {
            return action();
        }
    }

    public void AddAccount(SimulatedAccount account)
    {
        lock (_lock)
        {
            _accounts[(account.Provider, account.ApiKey)] = account;
        }
    }

    public SimulatedAccount? FindAccount(PaymentProvider provider, string? apiKey)
    {
        lock (_lock)
        {
            return apiKey is not null && _accounts.TryGetValue((provider, apiKey), out var account) ? account : null;
        }
    }

    public void Add(SimulatedCheckout checkout)
    {
        lock (_lock)
        {
            _checkouts.Add(checkout.Id, checkout);
        }
    }

    public void Add(SimulatedPayment payment)
    {
        lock (_lock)
        {
            _payments.Add(payment.Id, payment);
            _checkouts[payment.CheckoutId].PaymentIds.Add(payment.Id);
        }
    }

    /// <summary>Call under <see cref="Locked{T}"/> when the result is mutated.</summary>
    public SimulatedCheckout? Checkout(string id)
    {
        lock (_lock)
        {
            return _checkouts.GetValueOrDefault(id);
        }
    }

    /// <summary>Call under <see cref="Locked{T}"/> when the result is mutated.</summary>
    public SimulatedPayment? Payment(string id)
    {
        lock (_lock)
        {
            return _payments.GetValueOrDefault(id) ?? _payments.Values.FirstOrDefault(p => p.ChargeId == id);
        }
    }

    public IReadOnlyList<SimulatedPayment> PaymentsOf(SimulatedAccount account, Func<SimulatedCheckout, bool> where)
    {
        lock (_lock)
        {
            return [.. _payments.Values.Where(p => _checkouts[p.CheckoutId] is var c && c.Account == account && where(c)).OrderBy(p => p.CreatedAt)];
        }
    }

    public IReadOnlyList<SimulatedCheckout> OpenCheckoutsExpiredAt(DateTimeOffset now)
    {
        lock (_lock)
        {
            return [.. _checkouts.Values.Where(c => c.Status == "open" && c.ExpiresAt <= now)];
        }
    }

    public string NextMercadoPagoId() => Interlocked.Increment(ref _nextMercadoPagoId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string NewStripeId(string prefix) => prefix + "_test_" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 24);

    public object Snapshot()
    {
        lock (_lock)
        {
            return new
            {
                now = clock.GetUtcNow(),
                accounts = _accounts.Values.Select(a => new { provider = PaymentProviderNames.Of(a.Provider), webhook_url = a.WebhookUrl }),
                checkouts = _checkouts.Values.Select(c => new
                {
                    c.Id, provider = PaymentProviderNames.Of(c.Provider), external_reference = c.ExternalReference, c.Title, c.Amount, c.Currency,
                    c.Status, expires_at = c.ExpiresAt, payments = c.PaymentIds.ToArray(),
                }),
                payments = _payments.Values.Select(p => new
                {
                    p.Id, charge_id = p.ChargeId, checkout_id = p.CheckoutId, p.Status, status_detail = p.StatusDetail, p.Amount,
                    amount_refunded = p.AmountRefunded, dispute_id = p.DisputeId, dispute_status = p.DisputeStatus, refunds = p.Refunds.Select(r => new { r.Id, r.Amount }).ToArray(),
                }),
            };
        }
    }
}
