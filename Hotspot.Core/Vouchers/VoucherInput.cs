using System.Globalization;
using Hotspot.ActionApi;

namespace Hotspot.Vouchers;

/// <summary>A <c>create_voucher</c> request checked: generated values filled in, limits in MB (0 = unlimited).</summary>
public sealed record VoucherInput(
    string Username, string Passcode, string Fullname, string ValidFor, TimeSpan? Validity, DateTimeOffset? ValidFrom, long DownloadLimitMb, long UploadLimitMb)
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";
    public const long MaxLimitMb = 9_437_184;
    private const int MaxText = 64;

    /// <summary>The router's clock for <c>valid_from</c>: stored routers have no time zone yet, so UTC.</summary>
    public static TimeZoneInfo RouterTimeZone => TimeZoneInfo.Utc;

    public static (VoucherInput? Input, string? Error) From(ActionParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var username = parameters["username"] ?? VoucherCodes.Username();
        var passcode = parameters["passcode"] ?? VoucherCodes.Passcode();
        var fullname = parameters["fullname"] ?? VoucherCodes.Fullname();
        if (!IsText(username) || !IsText(passcode) || !IsText(fullname))
        {
            return (null, $"username, passcode and fullname: 1 to {MaxText} printable characters");
        }

        var validFor = parameters["valid_for"] ?? Vouchers.ValidFor.Default;
        if (!Vouchers.ValidFor.TryParse(validFor, out var validity))
        {
            return (null, "valid_for must be one of " + Vouchers.ValidFor.AllowedText);
        }

        DateTimeOffset? validFrom = null;
        if (parameters["valid_from"] is { } fromText)
        {
            if (!DateTime.TryParseExact(fromText, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return (null, "valid_from must be YYYY-MM-DD HH:MM:SS");
            }

            validFrom = new DateTimeOffset(local, RouterTimeZone.GetUtcOffset(local));
        }

        return (new VoucherInput(username, passcode, fullname, validFor, validity, validFrom, Limit(parameters["download_limit"]), Limit(parameters["upload_limit"])), null);
    }

    public static string Format(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, RouterTimeZone).ToString(TimeFormat, CultureInfo.InvariantCulture);

    // The seed: "If unset or out of bounds, the user traffic will be unlimited."
    private static long Limit(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb is >= 1 and <= MaxLimitMb ? mb : 0;

    private static bool IsText(string value) => value.Length <= MaxText && !value.Any(char.IsControl);
}
