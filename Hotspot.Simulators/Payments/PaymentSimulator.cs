using System.Net;
using Hotspot.Simulators.Payments.Checkout;
using Hotspot.Simulators.Payments.MercadoPago;
using Hotspot.Simulators.Payments.StripeApi;
using Hotspot.Simulators.Payments.Webhooks;
using Hotspot.Simulators.Unifi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Simulators.Payments;

/// <summary>
/// Mercado Pago and Stripe on one HTTP port (their REST endpoints and a hosted checkout page), signed webhooks to each
/// account's URL, and a control port on loopback (accounts, settling, refunds, chargebacks, faults, the clock, the
/// delivery log). Start it with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class PaymentSimulator : IAsyncDisposable
{
    /// <summary>The API version stamped on Stripe events: the one Stripe.net 53.1.0 is pinned to (real events carry the account's).</summary>
    public const string StripeApiVersion = "2026-10-28.endive";

    private readonly Dictionary<PaymentProvider, IProviderDialect> _dialects;
    private WebApplication? _api;
    private WebApplication? _control;
    private long _apiRequests;
    private Uri? _publicBaseUrl;

    private PaymentSimulator(PaymentSimulatorOptions options)
    {
        Ledger = new PaymentLedger(new SimulatorClock());
        Webhooks = new WebhookDispatcher(Ledger.Clock, Faults, options.WebhookTimeout);
        _publicBaseUrl = options.PublicBaseUrl;
        _dialects = new()
        {
            [PaymentProvider.MercadoPago] = new MercadoPagoDialect(Ledger, Webhooks),
            [PaymentProvider.Stripe] = new StripeDialect(Ledger, Webhooks, StripeApiVersion, CheckoutPageUrl),
        };
        foreach (var account in options.Accounts)
        {
            Ledger.AddAccount(account);
        }
    }

    public PaymentLedger Ledger { get; }

    public PaymentFaults Faults { get; } = new();

    public WebhookDispatcher Webhooks { get; }

    public IdempotencyCache Idempotency { get; } = new();

    /// <summary>How many requests the provider APIs (and hosted pages) have received: what a merchant's account is charged with.</summary>
    public long ApiRequests => Interlocked.Read(ref _apiRequests);

    /// <summary>Where our clients point: Mercado Pago's api.mercadopago.com and Stripe's api.stripe.com both live here.</summary>
    public Uri ApiBaseUrl => new(BoundAddress(_api!));

    public Uri ControlUrl => new(BoundAddress(_control!));

    public static async Task<PaymentSimulator> StartAsync(PaymentSimulatorOptions options, CancellationToken cancellationToken, ILoggerProvider? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulator = new PaymentSimulator(options);
        var address = options.ListenOnAllInterfaces ? IPAddress.Any : IPAddress.Loopback;
        simulator._api = CreateApp(logging, kestrel => kestrel.Listen(address, options.Port));
        simulator._api.Use(next => context =>
        {
            Interlocked.Increment(ref simulator._apiRequests);
            return next(context);
        });
        MercadoPagoEndpoints.Map(simulator._api, simulator);
        StripeEndpoints.Map(simulator._api, simulator);
        HostedCheckoutPage.Map(simulator._api, simulator);

        simulator._control = CreateApp(logging, kestrel => kestrel.Listen(IPAddress.Loopback, options.ControlPort));
        PaymentControlEndpoints.Map(simulator._control, simulator);

        await simulator._api.StartAsync(cancellationToken);
        await simulator._control.StartAsync(cancellationToken);
        simulator._publicBaseUrl ??= simulator.ApiBaseUrl;
        return simulator;
    }

    public Uri CheckoutPageUrl(string checkoutId) => new(_publicBaseUrl ?? ApiBaseUrl, HostedCheckoutPage.Prefix + Uri.EscapeDataString(checkoutId));

    /// <summary>What the buyer's click on the hosted page does; refused when the checkout no longer takes payments.</summary>
    public PayResult Pay(SimulatedCheckout checkout, CheckoutOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(checkout);
        return Ledger.Locked(() => checkout.Status) != "open"
            ? new PayResult(false, null)
            : new PayResult(true, Dialect(checkout.Provider).Pay(checkout, outcome));
    }

    /// <summary>Moves the clock: checkouts past their expiry expire, and delayed or retried webhooks now due are sent.</summary>
    public void AdvanceClock(TimeSpan by)
    {
        Ledger.Clock.Advance(by);
        foreach (var checkout in Ledger.OpenCheckoutsExpiredAt(Ledger.Clock.GetUtcNow()))
        {
            Dialect(checkout.Provider).Expire(checkout);
        }

        Webhooks.ReleaseDue();
    }

    internal IProviderDialect Dialect(PaymentProvider provider) => _dialects[provider];

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _api, _control }.OfType<WebApplication>())
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await Webhooks.DisposeAsync();
    }

    private static WebApplication CreateApp(ILoggerProvider? logging, Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions> listen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            builder.Logging.AddProvider(logging);
        }

        builder.WebHost.ConfigureKestrel(listen);
        return builder.Build();
    }

    private static string BoundAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/";
    }
}

public sealed record PayResult(bool Accepted, Uri? Redirect);
