using System.Globalization;
using System.Text.RegularExpressions;

namespace Hotspot.ExternalPortal;

/// <summary>
/// A purchase as the guest page carries it: <c>{id_compra}.{token_consulta}</c>, in the return URL's <c>var</c> (from
/// <c>/retorno</c>) and in a cookie of the page (<see cref="CookieName"/>), so that a guest who comes back later finds
/// it again. The token is the purchase's own; the device's MAC alone never opens a purchase.
/// </summary>
public sealed partial record GuestPurchaseTicket(string CompraId, string Token)
{
    public const string QueryName = "var";

    /// <summary>Cash can take days to be credited.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(7);

    public static GuestPurchaseTicket? Parse(string? text) =>
        text is { Length: <= 320 } && Shape().Match(text) is { Success: true } m ? new GuestPurchaseTicket(m.Groups[1].Value, m.Groups[2].Value) : null;

    /// <summary>One cookie per router: a phone at two venues keeps both.</summary>
    public static string CookieName(long routerId) => string.Create(CultureInfo.InvariantCulture, $"hs_compra_r{routerId}");

    public override string ToString() => CompraId + "." + Token;

    [GeneratedRegex("^([A-Za-z0-9_-]{1,100})\\.([A-Za-z0-9_-]{1,200})$")]
    private static partial Regex Shape();
}
