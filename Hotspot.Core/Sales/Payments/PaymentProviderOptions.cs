namespace Hotspot.Sales.Payments;

/// <summary>Where the providers' APIs are (the real ones, or the payment simulator) and how long we wait for them.</summary>
public sealed class PaymentProviderOptions
{
    public const string Section = "Hotspot:Payments";

    public Uri MercadoPagoApiBase { get; set; } = new("https://api.mercadopago.com/");

    public Uri StripeApiBase { get; set; } = new("https://api.stripe.com");

    public Uri StripeConnectBase { get; set; } = new("https://connect.stripe.com");

    /// <summary>One provider call, start to end (the portal waits on checkout creation).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far a webhook's signed timestamp may be from now (Stripe's libraries default to 5 minutes).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
