namespace Hotspot.Simulators.Payments;

/// <summary>How the payment simulator listens, and the accounts it knows from the start. Port 0 picks a free port.</summary>
public sealed record PaymentSimulatorOptions
{
    public const string DefaultMercadoPagoAccessToken = "TEST-mp-sim-access-token";
    public const string DefaultMercadoPagoWebhookSecret = "mp-sim-webhook-secret";
    public const string DefaultStripeSecretKey = "sk_test_stripe_sim";
    public const string DefaultStripeWebhookSecret = "whsec_stripe_sim";

    /// <summary>Both providers' APIs and the hosted checkout page (HTTP); the CLI defaults it to 8090.</summary>
    public int Port { get; init; }

    /// <summary>Control port (HTTP JSON, loopback only); the CLI defaults it to 8091.</summary>
    public int ControlPort { get; init; }

    public bool ListenOnAllInterfaces { get; init; }

    /// <summary>The URL guests' browsers use to reach the hosted page when it differs from the bound address (a proxy, a container).</summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>Accounts present from the start; more are added through the control port.</summary>
    public IReadOnlyList<SimulatedAccount> Accounts { get; init; } =
    [
        new(PaymentProvider.MercadoPago, DefaultMercadoPagoAccessToken, DefaultMercadoPagoWebhookSecret, null),
        new(PaymentProvider.Stripe, DefaultStripeSecretKey, DefaultStripeWebhookSecret, null),
    ];

    /// <summary>How long one webhook delivery may take before it counts as failed (Mercado Pago documents 22 s).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(22);
}

/// <summary>
/// One merchant account: the API key our client presents (Mercado Pago access token or Stripe secret key), the secret
/// its webhooks are signed with, and where they go (a Mercado Pago preference's notification_url overrides it).
/// </summary>
public sealed record SimulatedAccount(PaymentProvider Provider, string ApiKey, string WebhookSecret, Uri? WebhookUrl)
{
    public override string ToString() => $"{PaymentProviderNames.Of(Provider)} account (webhooks to {WebhookUrl?.ToString() ?? "nowhere"})";
}
