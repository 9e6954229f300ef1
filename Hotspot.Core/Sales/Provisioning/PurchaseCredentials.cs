using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Sales.Provisioning;

/// <summary>
/// A purchase's hotspot credentials. The user name is drawn from a CSPRNG when the purchase is created; the password
/// is never stored: it is derived from the purchase and its user name with <see cref="PurchaseCredentialKey"/>, so a rerun
/// after a crash, the provisioner and the buyer's receipt all get the same password.
/// </summary>
public sealed class PurchaseCredentials(PurchaseCredentialKey key)
{
    /// <summary>Lower-case letters and digits without look-alikes (0/o, 1/l/i).</summary>
    public const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
    public const int UserNameLength = 10;
    public const int PasswordLength = 10;

    public static string NewUserName() => RandomNumberGenerator.GetString(Alphabet, UserNameLength);

    public async Task<string> PasswordAsync(string compraId, string usuario, CancellationToken cancellationToken)
    {
        var digest = HMACSHA256.HashData(await key.GetAsync(cancellationToken), Encoding.UTF8.GetBytes($"compra:{compraId}:usuario:{usuario}"));
        return FromUniformBytes(digest, PasswordLength);
    }

    /// <summary>
    /// The token the buyer's portal shows to read its purchase (<c>X-Compra-Token</c>), derived like the password, so
    /// it is never stored and a replayed creation answers the same token.
    /// </summary>
    public async Task<string> ConsultTokenAsync(string compraId, CancellationToken cancellationToken)
    {
        return "tq_" + Base64Url.EncodeToString(HMACSHA256.HashData(await key.GetAsync(cancellationToken), Encoding.UTF8.GetBytes($"consulta:{compraId}")));
    }

    /// <summary>Rejection sampling keeps every character equally likely (no modulo bias).</summary>
    private static string FromUniformBytes(byte[] bytes, int length)
    {
        var limit = 256 - (256 % Alphabet.Length);
        var text = new StringBuilder(length);
        foreach (var b in bytes)
        {
            if (b < limit)
            {
                text.Append(Alphabet[b % Alphabet.Length]);
                if (text.Length == length)
                {
                    return text.ToString();
                }
            }
        }

        throw new InvalidOperationException("Not enough uniform bytes for a password.");
    }
}
