using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Hotspot.Secrets;

namespace Hotspot.Sales.Provisioning;

/// <summary>
/// A purchase's hotspot credentials. The user name is drawn from a CSPRNG when the purchase is created; the password
/// is never stored: it is derived from the purchase and its user name with a key kept in the secret store, so a rerun
/// after a crash, the provisioner and the buyer's receipt all get the same password.
/// </summary>
public sealed class PurchaseCredentials(ISecretStore secrets)
{
    /// <summary>Lower-case letters and digits without look-alikes (0/o, 1/l/i).</summary>
    public const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
    public const int UserNameLength = 10;
    public const int PasswordLength = 10;
    private const string KeyName = "purchase-credential-key";
    private byte[]? _key;

    public static string NewUserName() => RandomNumberGenerator.GetString(Alphabet, UserNameLength);

    public async Task<string> PasswordAsync(string compraId, string usuario, CancellationToken cancellationToken)
    {
        var key = _key ??= await KeyAsync(cancellationToken);
        var digest = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"compra:{compraId}:usuario:{usuario}"));
        return FromUniformBytes(digest, PasswordLength);
    }

    /// <summary>
    /// The token the buyer's portal shows to read its purchase (<c>X-Compra-Token</c>), derived like the password, so
    /// it is never stored and a replayed creation answers the same token.
    /// </summary>
    public async Task<string> ConsultTokenAsync(string compraId, CancellationToken cancellationToken)
    {
        var key = _key ??= await KeyAsync(cancellationToken);
        return "tq_" + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"consulta:{compraId}")));
    }

    /// <summary>
    /// Two instances may create the key at once; both then use the oldest version, so every instance derives the
    /// same passwords.
    /// </summary>
    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        var versions = await secrets.GetVersionsAsync(KeyName, cancellationToken);
        if (versions.Count == 0)
        {
            await secrets.SetAsync(KeyName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken);
            versions = await secrets.GetVersionsAsync(KeyName, cancellationToken);
        }

        return Convert.FromBase64String(versions.OrderBy(v => v.CreatedOn).ThenBy(v => v.Id, StringComparer.Ordinal).First().Value);
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
