using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Hotspot.ExternalPortal;

/// <summary>What the portal page posts: which form (<c>mode</c>) and, for a voucher, its username and passcode.</summary>
public sealed record PortalForm(string Mode, string Username, string Passcode)
{
    public const string AcceptMode = "accept";
    public const string VoucherMode = "voucher";
    private const int MaxFieldLength = 128;

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
            return mode is AcceptMode or VoucherMode ? new PortalForm(mode, Field("username"), Field("passcode")) : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
