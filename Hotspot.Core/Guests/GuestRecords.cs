using Hotspot.PortalLogin;
using Hotspot.Storage;
using Hotspot.Tenancy;
using Microsoft.Extensions.Logging;

namespace Hotspot.Guests;

/// <summary>
/// What portal logins leave behind for seed 002's lists: the login log, and one record per guest (by kind and identity)
/// counting visits. Recording follows a login that has already been granted, so a failure here is logged, not answered.
/// </summary>
public sealed class GuestRecords(TableStore store, IdAllocator ids, ILogger<GuestRecords> logger)
{
    public const string GuestsTable = "Guests";
    public const string LoginsTable = "GuestLogins";
    private const int MaxAttempts = 10;
    private readonly TableRepository<GuestEntity> _guests = store.Repository<GuestEntity>(GuestsTable);
    private readonly TableRepository<GuestLoginEntity> _logins = store.Repository<GuestLoginEntity>(LoginsTable);

    public TableRepository<GuestEntity> Guests => _guests;

    public TableRepository<GuestLoginEntity> Logins => _logins;

    public async Task RecordLoginAsync(PortalSessionEntity session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (kind, identity) = GuestKinds.Classify(session.Uid);
        try
        {
            await _logins.AddAsync(new GuestLoginEntity
            {
                PartitionKey = "r" + GuestEntity.Key(session.RouterId), RowKey = GuestLoginEntity.RowFor(session.StartedAt, session.PageId),
                PageId = session.PageId, Uid = session.Uid, Kind = kind.ToString().ToLowerInvariant(), Mac = session.Mac, Ip = session.Ip, At = session.StartedAt,
            }, cancellationToken);
            await CountVisitAsync(session, kind, identity, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Guest record of portal session {PageId} on router {RouterId} not written", session.PageId, session.RouterId);
        }
    }

    private async Task CountVisitAsync(PortalSessionEntity session, GuestKind kind, string identity, CancellationToken cancellationToken)
    {
        var partition = GuestEntity.PartitionFor(session.RouterId, kind);
        var row = GuestEntity.RowFor(identity);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var guest = await _guests.GetAsync(partition, row, cancellationToken);
            try
            {
                if (guest is null)
                {
                    await _guests.AddAsync(new GuestEntity
                    {
                        PartitionKey = partition, RowKey = row, Id = await ids.NextAsync("guest", cancellationToken), Identity = identity,
                        Mac = session.Mac, Visits = 1, CreatedAt = session.StartedAt, LastLogin = session.StartedAt,
                    }, cancellationToken);
                    return;
                }

                guest.Visits++;
                guest.Mac = session.Mac;
                guest.LastLogin = session.StartedAt;
                await _guests.UpdateAsync(guest, cancellationToken);
                return;
            }
            catch (Exception e) when (e is EntityAlreadyExistsException or ConcurrencyConflictException)
            {
                // Another login of the same guest won the race: read again and count on top of it.
            }
        }
    }
}
