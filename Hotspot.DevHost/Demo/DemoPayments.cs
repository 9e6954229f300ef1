using System.Security.Cryptography;
using Hotspot.Sales.Payments;
using Hotspot.Sales.Purchases;
using Hotspot.Simulators.Payments;

namespace Hotspot.DevHost.Demo;

/// <summary>
/// The demo's payment provider: the payment simulator (Mercado Pago and Stripe, a hosted checkout page, a control port)
/// in this process, started before the host is built so that the providers' API bases can point at it. The demo
/// company's accounts are added once the host's address is known (<see cref="AddAccountsAsync"/>).
/// </summary>
public sealed class DemoPayments : IAsyncDisposable
{
    private static readonly string[] ApiBaseKeys =
        ["Hotspot:Payments:MercadoPagoApiBase", "Hotspot:Payments:StripeApiBase", "Hotspot:Payments:StripeConnectBase"];

    private DemoPayments(PaymentSimulator simulator) => Simulator = simulator;

    public PaymentSimulator Simulator { get; }

    /// <summary>Starts the simulator and points the providers' API bases at it, unless they are configured otherwise.</summary>
    public static async Task<DemoPayments> StartAsync(WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var simulator = await PaymentSimulator.StartAsync(new PaymentSimulatorOptions { Accounts = [] }, cancellationToken);
        foreach (var key in ApiBaseKeys.Where(k => string.IsNullOrWhiteSpace(builder.Configuration[k])))
        {
            builder.Configuration[key] = simulator.ApiBaseUrl.AbsoluteUri;
        }

        var payments = new DemoPayments(simulator);
        // Made by a factory so that the container disposes it (and stops the simulator) when the host shuts down.
        builder.Services.AddSingleton(_ => payments);
        return payments;
    }

    /// <summary>
    /// Gives the company an account at each provider, with secrets made now: in the simulator (Stripe's webhooks go to
    /// <paramref name="apiBaseUrl"/> (ending in a slash); Mercado Pago's to each checkout's notification_url) and in our secret store, as
    /// <c>PUT /api/v1/admin/empresas/{id}/pagos/{proveedor}</c> would.
    /// </summary>
    public async Task AddAccountsAsync(PaymentCredentialStore credentials, long empresaId, Uri apiBaseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        foreach (var (kind, simulated) in new[] { (PaymentProviderKind.MercadoPago, PaymentProvider.MercadoPago), (PaymentProviderKind.Stripe, PaymentProvider.Stripe) })
        {
            var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var (apiKey, secret) = kind == PaymentProviderKind.Stripe ? ("sk_test_demo_" + suffix, "whsec_demo_" + suffix) : ("TEST-demo-" + suffix, "mp-demo-" + suffix);
            var webhook = kind == PaymentProviderKind.Stripe ? PurchaseUrls.Webhook(apiBaseUrl, kind, empresaId) : null;
            Simulator.Ledger.AddAccount(new SimulatedAccount(simulated, apiKey, secret, webhook));
            await credentials.SetAsync(empresaId, kind, apiKey, secret, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
