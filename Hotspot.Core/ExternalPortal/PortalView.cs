using Hotspot.Sales.Purchases;

namespace Hotspot.ExternalPortal;

/// <summary>What the guest portal page shows: the venue's forms, a message, a purchase's screen, or a continue link.</summary>
/// <remarks>The forms have no action: they post back to the page's own URL, query (the redirect's ap, id, url...) included.</remarks>
/// <param name="FreeMinutes">Minutes offered for accepting the terms; 0 hides that form.</param>
public sealed record PortalView(string Ssid, string? Message = null, bool ShowForm = false, int FreeMinutes = 0, string? ContinueUrl = null)
{
    /// <summary>The words to use: the browser's language, else the venue's (the request's when no venue is known).</summary>
    public PortalText? Text { get; init; }

    public GuestBrand? Brand { get; init; }

    /// <summary>With <see cref="ShowForm"/>: the products on sale, each a form of its own.</summary>
    public GuestShop? Shop { get; init; }

    /// <summary>Made for this rendering: each purchase form's idempotency key starts with it.</summary>
    public string Nonce { get; init; } = "";

    public PurchaseScreen? Purchase { get; init; }

    /// <summary>The page without a purchase (where a new purchase starts).</summary>
    public string PageUrl { get; init; } = "";
}

/// <summary>The screens a purchase can be on: each says where the guest goes from there.</summary>
public enum PurchaseScreenKind
{
    /// <summary>Not paid yet: check again, or abandon.</summary>
    Waiting,

    /// <summary>Cash or transfer chosen: the page may be closed; check again, or abandon.</summary>
    Cash,

    /// <summary>Paid, being activated: the page checks again by itself.</summary>
    Activating,

    /// <summary>Provisioned: the receipt, and on to the guest's page.</summary>
    Paid,

    /// <summary>The time to pay ran out: start a new purchase.</summary>
    Expired,

    /// <summary>Paid but not activated: the receipt and who to ask.</summary>
    Attention,

    /// <summary>Refunded or charged back: back to the plans.</summary>
    Ended,
}

public sealed record PurchaseScreen(PurchaseScreenKind Kind, string Title, string Text, CompraEstado Compra, GuestPurchaseTicket Ticket)
{
    /// <summary>The page again with this purchase in <c>var</c>: "check again" works where the captive browser keeps no cookie.</summary>
    public string CheckUrl(string pageUrl) =>
        (pageUrl ?? "") + ((pageUrl ?? "").Contains('?', StringComparison.Ordinal) ? "&" : "?") + GuestPurchaseTicket.QueryName + "=" + Uri.EscapeDataString(Ticket.ToString());

    /// <summary>The body's <c>data-state</c>, as the MikroTik portal names its screens.</summary>
    public string State => Kind switch
    {
        PurchaseScreenKind.Waiting => "pending",
        PurchaseScreenKind.Cash => "cash-pending",
        PurchaseScreenKind.Activating => "activating",
        PurchaseScreenKind.Paid => "receipt",
        PurchaseScreenKind.Expired => "purchase-expired",
        PurchaseScreenKind.Attention => "purchase-attention",
        _ => "purchase-ended",
    };
}
