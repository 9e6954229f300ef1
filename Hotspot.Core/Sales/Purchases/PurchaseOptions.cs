namespace Hotspot.Sales.Purchases;

/// <summary>Configuration section <c>Hotspot:Ventas</c>: how the purchase engine treats time.</summary>
public sealed class PurchaseOptions
{
    public const string Section = "Hotspot:Ventas";

    /// <summary>
    /// The API's public address, for the provider's return and notification URLs and the webhook URL an operator pastes.
    /// When unset, the address the portal called is used.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a checkout takes payments (Stripe needs 30 minutes to 24 hours).</summary>
    public int CheckoutMinutes { get; set; } = 60;

    /// <summary>A portal poll asks the provider at most this often per purchase; in between it answers from the row.</summary>
    public int ProviderPollSeconds { get; set; } = 10;
}
