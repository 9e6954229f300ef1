using System.Text.RegularExpressions;

namespace Hotspot.Tenancy;

public static partial class Validation
{
    public const int MaxNameLength = 200;

    /// <summary>Longest URL kept (a table property holds at most 32K characters; real controller URLs are short).</summary>
    public const int MaxUrlLength = 2048;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A plausible address that can also serve as a table row key (no '/', '\', '#', '?', no control character).</summary>
    public static bool IsEmail(string? email) =>
        email is { Length: > 0 and <= 254 } && !email.Any(char.IsControl) && EmailPattern().IsMatch(email.Trim());

    public static bool IsName(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= MaxNameLength && !value.Any(char.IsControl);

    /// <summary>Optional free text: null, or printable and at most <paramref name="max"/> characters.</summary>
    public static bool IsOptionalText(string? value, int max = 500) => value is null || (value.Length <= max && !value.Any(char.IsControl));

    /// <summary>A SHA-256 fingerprint as 64 hex digits, colons allowed; normalised to upper-case hex without separators.</summary>
    public static string? NormalizeSha256(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var hex = value.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return hex.Length == 64 && hex.All(Uri.IsHexDigit) ? hex : "";
    }

    [GeneratedRegex(@"^[^@\s/\\#?]+@[^@\s/\\#?]+\.[^@\s/\\#?]+$")]
    private static partial Regex EmailPattern();
}
