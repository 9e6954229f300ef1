using System.Globalization;
using System.Text.Json.Serialization;

namespace Hotspot.Vouchers;

/// <summary>The <c>user</c> of seed 002's create answer: limits as strings, as the seed shows them.</summary>
public sealed record CreatedVoucherView(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("passcode")] string Passcode,
    [property: JsonPropertyName("fullname")] string Fullname,
    [property: JsonPropertyName("valid_for")] string ValidFor,
    [property: JsonPropertyName("valid_from")] string ValidFrom,
    [property: JsonPropertyName("download_limit")] string DownloadLimit,
    [property: JsonPropertyName("upload_limit")] string UploadLimit)
{
    public static CreatedVoucherView From(VoucherEntity v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Id, v.Username, v.Passcode, v.Fullname, v.ValidFor, v.ValidFromText,
            v.DownloadLimitMb.ToString(CultureInfo.InvariantCulture), v.UploadLimitMb.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>An item of seed 002's <c>get_voucher_users</c>: limits as numbers (0 unlimited), times in the router's clock.</summary>
public sealed record VoucherUserView(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("fullname")] string Fullname,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("last_modified")] string LastModified,
    [property: JsonPropertyName("first_login")] string? FirstLogin,
    [property: JsonPropertyName("last_login")] string? LastLogin,
    [property: JsonPropertyName("valid_for")] string ValidFor,
    [property: JsonPropertyName("valid_from")] string ValidFrom,
    [property: JsonPropertyName("MAC")] string? Mac,
    [property: JsonPropertyName("download_limit")] long DownloadLimit,
    [property: JsonPropertyName("upload_limit")] long UploadLimit);
