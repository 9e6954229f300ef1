using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Sales.Payments.Webhooks;

/// <summary>HMAC-SHA256 checks shared by the providers' verifiers.</summary>
internal static class WebhookSignatures
{
    /// <summary>True when some hex candidate equals HMAC-SHA256(secret, message) for some secret, compared in constant time.</summary>
    public static bool AnyMatches(IReadOnlyList<string> secrets, ReadOnlySpan<byte> message, IEnumerable<string> hexCandidates)
    {
        var candidates = hexCandidates.Select(Decode).OfType<byte[]>().ToList();
        var matched = false;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var secret in secrets)
        {
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message, expected);
            foreach (var candidate in candidates)
            {
                matched |= CryptographicOperations.FixedTimeEquals(expected, candidate);
            }
        }

        return matched;
    }

    /// <summary>A Unix timestamp in seconds, or in milliseconds (13 digits and more), as a point in time.</summary>
    public static DateTimeOffset? Timestamp(string? text)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        try
        {
            return value >= 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public static bool WithinTolerance(DateTimeOffset signedAt, DateTimeOffset now, TimeSpan tolerance) => (now - signedAt).Duration() <= tolerance;

    private static byte[]? Decode(string hex)
    {
        if (hex.Length != HMACSHA256.HashSizeInBytes * 2)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
