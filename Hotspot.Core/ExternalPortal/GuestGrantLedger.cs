using System.Text;
using Hotspot.Drivers;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;
using Microsoft.IdentityModel.Tokens;

namespace Hotspot.ExternalPortal;

public sealed class GuestGrantEntity : StoredEntity
{
    public string Mac { get; set; } = "";

    public string? Site { get; set; }

    /// <summary>When the access we granted ends, by our own record (the budget asked for).</summary>
    public DateTimeOffset Until { get; set; }
}

/// <summary>
/// The guest access Hotspot granted on UniFi controllers, so that the sweep can revoke what a controller still shows
/// after our record says it ended. One row per router, site and device; a new grant replaces the previous one.
/// </summary>
public sealed class GuestGrantLedger(TableStore store)
{
    public const string Table = "GuestGrants";
    private readonly TableRepository<GuestGrantEntity> _grants = store.Repository<GuestGrantEntity>(Table);

    public Task RecordAsync(long routerId, GuestDevice device, DateTimeOffset until, CancellationToken cancellationToken) =>
        _grants.UpsertAsync(
            new GuestGrantEntity { PartitionKey = StoredEntity.Key(routerId), RowKey = RowKey(device), Mac = device.Mac.ToString(), Site = device.Site, Until = until },
            cancellationToken);

    /// <summary>The grants of a router that ended before <paramref name="now"/>.</summary>
    public IAsyncEnumerable<GuestGrantEntity> EndedAsync(long routerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _grants.StreamPartitionAsync(StoredEntity.Key(routerId), cancellationToken, Azure.Data.Tables.TableClient.CreateQueryFilter($"Until le {now}"));

    public Task<bool> ForgetAsync(GuestGrantEntity grant, CancellationToken cancellationToken) =>
        _grants.DeleteAsync(grant.PartitionKey, grant.RowKey, grant.ETag, cancellationToken);

    private static string RowKey(GuestDevice device) =>
        Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes((device.Site ?? "") + "|" + device.Mac));
}
