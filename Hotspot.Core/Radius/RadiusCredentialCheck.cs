using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Radius;

/// <summary>
/// Whether an Access-Request proves a password, checked by us before a login changes anything (a voucher's first
/// login starts its clock): PAP's User-Password (rlm_rest sends it decrypted), or CHAP's MD5(id ‖ password ‖ challenge)
/// against CHAP-Password (RFC 1994; the hotspot always sends CHAP-Challenge). FreeRADIUS checks the same again.
/// </summary>
public static class RadiusCredentialCheck
{
    public static bool Proves(RadiusAttributes request, string password)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(password);
        if (Octets(request.Text("CHAP-Password")) is { Length: 17 } chap && Octets(request.Text("CHAP-Challenge")) is { Length: > 0 } challenge)
        {
#pragma warning disable CA5351 // CHAP is MD5 by definition (RFC 1994).
            var expected = MD5.HashData([chap[0], .. Encoding.UTF8.GetBytes(password), .. challenge]);
#pragma warning restore CA5351
            return CryptographicOperations.FixedTimeEquals(expected, chap.AsSpan(1));
        }

        return request.Text("User-Password") is { } given
            && Auth.ConstantTime.TextEquals(password, given);
    }

    /// <summary>rlm_rest writes octets as <c>0x</c> and hex digits.</summary>
    private static byte[]? Octets(string? text)
    {
        if (text is null || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(text.AsSpan(2));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
