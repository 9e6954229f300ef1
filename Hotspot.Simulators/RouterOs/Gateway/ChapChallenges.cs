using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Simulators.RouterOs.Gateway;

/// <summary>
/// CHAP for the login page: each device gets a one-byte id and a 16-byte challenge, shown as octal escapes
/// (<c>\371</c>) for a JavaScript string; the page sends <c>md5(id + password + challenge)</c> in hex. A challenge
/// answers one login attempt; the next page shows a new one.
/// </summary>
internal sealed class ChapChallenges
{
    private readonly ConcurrentDictionary<string, Challenge> _byDevice = new(StringComparer.Ordinal);

    public sealed record Challenge(byte Id, byte[] Bytes)
    {
        public string IdText => Octal([Id]);

        public string BytesText => Octal(Bytes);

        /// <summary>
        /// The hex MD5 the page computes. MikroTik's md5.js hashes each character's low byte, so the password's
        /// characters are taken the same way.
        /// </summary>
        public string ExpectedResponse(string password)
        {
            var input = new byte[1 + password.Length + Bytes.Length];
            input[0] = Id;
            for (var i = 0; i < password.Length; i++)
            {
                input[1 + i] = (byte)(password[i] & 0xFF);
            }

            Bytes.CopyTo(input, 1 + password.Length);
#pragma warning disable CA5351 // Hotspot CHAP is defined with MD5; this is what the router checks.
            return Convert.ToHexStringLower(MD5.HashData(input));
#pragma warning restore CA5351
        }
    }

    /// <summary>Whether a posted password is a CHAP response: 32 hex digits.</summary>
    public static bool IsResponse(string password) => password.Length == 32 && password.All(Uri.IsHexDigit);

    /// <summary>The device's current challenge, made on first use.</summary>
    public Challenge Current(string mac) =>
        _byDevice.GetOrAdd(mac, _ => new Challenge(RandomNumberGenerator.GetBytes(1)[0], RandomNumberGenerator.GetBytes(16)));

    /// <summary>The challenge a login attempt answers; it is used up.</summary>
    public Challenge? Take(string mac) => _byDevice.TryRemove(mac, out var challenge) ? challenge : null;

    private static string Octal(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 4);
        foreach (var b in bytes)
        {
            text.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
        }

        return text.ToString();
    }
}
