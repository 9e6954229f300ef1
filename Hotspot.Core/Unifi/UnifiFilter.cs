using System.Buffers;
using Hotspot.Drivers;

namespace Hotspot.Unifi;

/// <summary>
/// Builds the Integration API's <c>filter</c> expressions. Only typed values or strictly validated names reach a
/// filter, so no caller text can change its meaning.
/// </summary>
public static class UnifiFilter
{
    private const int MaxSiteReferenceLength = 64;
    private static readonly SearchValues<char> SiteReferenceChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    public static string MacAddressEquals(MacAddress mac) => $"macAddress.eq('{mac}')";

    public const string AuthorizedGuests = "and(access.type.eq('GUEST'),access.authorized.eq(true))";

    /// <summary>A site's internalReference as the portal redirect path carries it: letters, digits, '-' and '_'.</summary>
    public static bool IsValidSiteReference(string? site) =>
        !string.IsNullOrEmpty(site) && site.Length <= MaxSiteReferenceLength && !site.AsSpan().ContainsAnyExcept(SiteReferenceChars);

    public static string InternalReferenceEquals(string site)
    {
        if (!IsValidSiteReference(site))
        {
            throw new ControllerException(ControllerError.InvalidArgument,
                "A site name has 1 to 64 letters, digits, '-' or '_'.", nameof(GuestDevice.Site));
        }

        return $"internalReference.eq('{site}')";
    }
}
