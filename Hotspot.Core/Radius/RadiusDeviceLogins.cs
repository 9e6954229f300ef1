using System.Security.Cryptography;
using System.Text;
using Hotspot.Reconnect;
using Hotspot.Sales.Provisioning;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Radius;

/// <summary>
/// Device logins of a RADIUS family. Auto-reconnect cannot log a device in from the cloud, so it issues one of these
/// for the device's MAC and the portal submits it through the router's own login form. Its password is derived from
/// the deployment's purchase-credential key and the row's nonce, so the table holds no secret and every instance
/// derives the same one. It is accepted only from its MAC; it takes the time over from another device only if issued
/// after that device was granted and within <see cref="RadiusPolicy.TakeoverLoginLifetime"/> (once, in effect).
/// </summary>
public sealed class RadiusDeviceLogins(TableStore store, PurchaseCredentialKey key)
{
    public const string Table = "RadiusDeviceLogins";
    private const string Alphabet = PurchaseCredentials.Alphabet;
    private const int PasswordLength = 12;
    private readonly TableRepository<RadiusDeviceLoginEntity> _rows = store.Repository<RadiusDeviceLoginEntity>(Table);

    /// <summary>The login of that name, when the name is a device login's (<c>_RANDMAC&lt;n&gt;</c>) and it exists.</summary>
    public async Task<RadiusDeviceLoginEntity?> FindAsync(long routerId, string name, CancellationToken cancellationToken) =>
        RandmacNames.TryParseClone(name, out _, out _) ? await _rows.GetAsync(StoredEntity.Key(routerId), name, cancellationToken) : null;

    public Task<RadiusDeviceLoginEntity> AddAsync(long routerId, string usuario, int slot, string mac, DateTimeOffset now, CancellationToken cancellationToken) =>
        _rows.AddAsync(new RadiusDeviceLoginEntity
        {
            PartitionKey = StoredEntity.Key(routerId), RowKey = RandmacNames.CloneName(usuario, slot), Usuario = usuario, Mac = mac,
            Nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), IssuedAt = now,
        }, cancellationToken);

    public async Task<string> PasswordAsync(RadiusDeviceLoginEntity login, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(login);
        var digest = HMACSHA256.HashData(await key.GetAsync(cancellationToken), Encoding.UTF8.GetBytes($"radius-device:{login.PartitionKey}:{login.RowKey}:{login.Nonce}"));
        var limit = 256 - (256 % Alphabet.Length);
        var text = new StringBuilder(PasswordLength);
        foreach (var b in digest.Where(b => b < limit).Take(PasswordLength))
        {
            text.Append(Alphabet[b % Alphabet.Length]);
        }

        return text.ToString();
    }
}
