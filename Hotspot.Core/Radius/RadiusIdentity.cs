using System.Globalization;
using System.Security.Cryptography;

namespace Hotspot.Radius;

/// <summary>
/// A RADIUS router's client identity: the NAS-Identifier it sends (its <c>/system identity</c>), <c>hs{routerId}-{token}</c>.
/// The id says which router; the token, 26 random characters (about 130 bits) kept in the secret store, proves it, since
/// behind NAT the shared UDP secret is the deployment's and identifies no one (docs/architecture.md).
/// </summary>
public readonly record struct RadiusIdentity(long RouterId, string Token)
{
    public const int TokenLength = 26;
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
    private const string Prefix = "hs";

    public static string NewToken() => RandomNumberGenerator.GetString(Alphabet, TokenLength);

    public string NasIdentifier => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{RouterId}-{Token}");

    /// <summary>What GET and list answers show: the id part, the token masked.</summary>
    public static string Masked(long routerId) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{routerId}-********");

    public static bool TryParse(string? nasIdentifier, out RadiusIdentity identity)
    {
        identity = default;
        if (nasIdentifier is null || !nasIdentifier.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var dash = nasIdentifier.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || nasIdentifier.Length - dash - 1 != TokenLength
            || !long.TryParse(nasIdentifier.AsSpan(Prefix.Length, dash - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var routerId)
            || routerId <= 0)
        {
            return false;
        }

        identity = new RadiusIdentity(routerId, nasIdentifier[(dash + 1)..]);
        return true;
    }
}
