using Hotspot.Reconnect;

namespace Hotspot.Sales.Provisioning;

/// <summary>
/// The word <c>COMPRA=&lt;id&gt;</c> a purchase's hotspot user carries in its comment, after seed 000's
/// <c>MODE=RANDMAC TL=&lt;s&gt; TA=0</c>. Reconnect copies the base's comment to every clone and the sweeper keeps words it
/// does not know, so the marker finds the whole family again: on a rerun after a crash, and on a revoke.
/// </summary>
public static class PurchaseMarker
{
    private const string Key = "COMPRA=";
    private const int MaxIdLength = 64;

    /// <summary>The user's comment: the time bought, nothing used yet, and the purchase.</summary>
    public static string Comment(string compraId, long tiempoSegundos) =>
        new RandmacMarkers(tiempoSegundos, 0, null, Word(compraId)).ToComment();

    /// <summary>Whether <paramref name="comment"/> names this purchase (a whole word; other words may come and go).</summary>
    public static bool IsOn(string? comment, string compraId)
    {
        var word = Word(compraId);
        return comment is not null && comment.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(word, StringComparer.Ordinal);
    }

    /// <summary>
    /// Ids are ours, but they end up in a router's comment: only letters, digits, '-' and '_' keep the comment one word
    /// per marker, whatever an id looks like.
    /// </summary>
    public static string Word(string compraId)
    {
        ArgumentException.ThrowIfNullOrEmpty(compraId);
        if (compraId.Length > MaxIdLength || !compraId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"A purchase id is 1 to {MaxIdLength} letters, digits, '-' or '_'.", nameof(compraId));
        }

        return Key + compraId;
    }
}
