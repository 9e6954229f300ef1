using System.Text;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;
using Microsoft.IdentityModel.Tokens;

namespace Hotspot.Reconnect;

public sealed class FirstSessionEntity : StoredEntity
{
    public DateTimeOffset PrimeraSesion { get; set; }
}

/// <summary>
/// When each entitlement (a router's base user) first connected through Hotspot: <c>primera_sesion</c>. Kept in a
/// table, not in the user's comment on the router, so that the sweeper is the only writer of that comment.
/// </summary>
public sealed class FirstSessionStore(TableStore store)
{
    public const string Table = "FirstSessions";
    private readonly TableRepository<FirstSessionEntity> _rows = store.Repository<FirstSessionEntity>(Table);

    public async Task<DateTimeOffset?> GetAsync(long routerId, string baseName, CancellationToken cancellationToken) =>
        (await _rows.GetAsync(StoredEntity.Key(routerId), RowKey(baseName), cancellationToken))?.PrimeraSesion;

    /// <summary>Records the first session unless one is recorded already; returns the one that counts.</summary>
    public async Task<DateTimeOffset> RecordAsync(long routerId, string baseName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await _rows.AddAsync(new FirstSessionEntity { PartitionKey = StoredEntity.Key(routerId), RowKey = RowKey(baseName), PrimeraSesion = at }, cancellationToken);
            return at;
        }
        catch (EntityAlreadyExistsException)
        {
            return await GetAsync(routerId, baseName, cancellationToken) ?? at;
        }
    }

    /// <summary>Forgets the entitlements the sweeper removed from the router.</summary>
    public Task<bool> ForgetAsync(long routerId, string baseName, CancellationToken cancellationToken) =>
        _rows.DeleteAsync(StoredEntity.Key(routerId), RowKey(baseName), Azure.ETag.All, cancellationToken);

    // Hotspot user names may hold characters a row key cannot ('/', '#', '?'): encode them.
    private static string RowKey(string baseName) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(baseName));
}
