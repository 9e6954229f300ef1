using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Hotspot.Drivers;

/// <summary>
/// Strict IP address text: IPv4 only in canonical dotted-quad form (no "10.1", no leading zeros, no hex), IPv6 without
/// a scope. <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> alone accepts forms no portal means.
/// </summary>
public static class IpAddressText
{
    public static bool TryNormalize([NotNullWhen(true)] string? text, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (text is null || text.Length is 0 or > 45 || text.Contains('%', StringComparison.Ordinal)
            || !IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        var canonical = address.ToString();
        if (address.AddressFamily == AddressFamily.InterNetwork ? canonical != text : !text.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        normalized = canonical;
        return true;
    }
}
