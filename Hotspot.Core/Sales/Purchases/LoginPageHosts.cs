using System.Net;
using System.Net.Sockets;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// Which router login pages a purchase may send its buyer back to (<c>url_login</c>, then <c>/retorno</c>'s redirect).
/// Always the router's own addresses as a guest sees them: an IP literal in a private, CGNAT, link-local or loopback
/// range (what <c>$(link-login-only)</c> is when the hotspot has no DNS name). Any other host only when the operator
/// listed it in the router's <c>hosts_login</c> (the hotspot profile's <c>dns-name</c>, e.g. <c>wifi.cafe.mx</c>).
/// A public address or name nobody listed is refused: the return route is no open redirect.
/// </summary>
public static class LoginPageHosts
{
    public const int MaxHosts = 10;
    public const int MaxHostLength = 253;

    public static bool Allows(RouterEntity router, Uri loginPage)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(loginPage);
        if (!loginPage.IsAbsoluteUri || loginPage.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var host = loginPage.IdnHost.Trim('[', ']').ToLowerInvariant();
        return (IPAddress.TryParse(host, out var ip) && IsLocal(ip)) || Listed(router).Contains(host, StringComparer.Ordinal);
    }

    /// <summary>The operator's list as stored: lower-case host names, comma-separated.</summary>
    public static IReadOnlyList<string> Listed(RouterEntity router)
    {
        ArgumentNullException.ThrowIfNull(router);
        return string.IsNullOrEmpty(router.HostsLogin) ? [] : router.HostsLogin.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The list an operator sent, normalized; null when an entry is not a host name or an IP address.</summary>
    public static string? Normalize(IReadOnlyList<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        if (hosts.Count > MaxHosts)
        {
            return null;
        }

        var normalized = new List<string>();
        foreach (var entry in hosts)
        {
            var host = entry?.Trim().TrimEnd('.').ToLowerInvariant();
            if (host is not { Length: > 0 and <= MaxHostLength } || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                return null;
            }

            normalized.Add(host);
        }

        return string.Join(',', normalized.Distinct(StringComparer.Ordinal));
    }

    private static bool IsLocal(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (IPAddress.IsLoopback(ip))
        {
            return true;
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return ip.IsIPv6LinkLocal || ip.IsIPv6UniqueLocal;
        }

        var b = ip.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || (b[0] == 169 && b[1] == 254);
    }
}
