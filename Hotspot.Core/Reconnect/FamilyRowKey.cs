using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Hotspot.Reconnect;

/// <summary>The row key of an entitlement (a router's base user) in the reconnect tables.</summary>
internal static class FamilyRowKey
{
    // Hotspot user names may hold characters a row key cannot ('/', '#', '?'): encode them.
    public static string Of(string baseName) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(baseName));
}
