using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Hotspot.ExternalPortal;

/// <summary>
/// What the portal page posts: which form (<c>mode</c>); for a voucher its username and passcode; for a purchase the
/// product, the provider and the key the page gave the form; to abandon, the purchase.
/// </summary>
public sealed record PortalForm(string Mode, string Username, string Passcode)
{
    public const string AcceptMode = "accept";
    public const string VoucherMode = "voucher";
    public const string BuyMode = "buy";
    public const string AbandonMode = "abandon";
    private const int MaxFieldLength = 320;
    private const int MaxCredentialLength = 128;

    public string Producto { get; init; } = "";

    public string Proveedor { get; init; } = "";

    /// <summary>The form's idempotency key: the same form sent twice is the same purchase.</summary>
    public string Key { get; init; } = "";

    public string Compra { get; init; } = "";

    /// <summary>Null when the body is not a small url-encoded form (a guest's browser never sends anything bigger).</summary>
    public static async Task<PortalForm?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Http.RequestBody.Of(request.HttpContext);
        if (body.IsEmpty && request.ContentType is null)
        {
            return new PortalForm(AcceptMode, "", "");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        using var reader = new FormReader(body.OpenRead()) { ValueCountLimit = 8, KeyLengthLimit = 32, ValueLengthLimit = MaxFieldLength };
        try
        {
            var fields = await reader.ReadFormAsync(cancellationToken);
            string Field(string name) => fields.TryGetValue(name, out var value) ? value.ToString().Trim() : "";
            var mode = Field("mode") is { Length: > 0 } given ? given : AcceptMode;
            return mode is AcceptMode or VoucherMode or BuyMode or AbandonMode
                && Field("username").Length <= MaxCredentialLength && Field("passcode").Length <= MaxCredentialLength
                ? new PortalForm(mode, Field("username"), Field("passcode"))
                {
                    Producto = Field("producto"), Proveedor = Field("proveedor"), Key = Field("key"), Compra = Field("compra"),
                }
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
