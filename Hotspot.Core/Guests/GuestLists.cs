using Hotspot.Storage;
using Hotspot.Vouchers;

namespace Hotspot.Guests;

/// <summary>
/// Seed 002's stored-data lists, one partition query each. Email users have the seed's shape; the others the same with
/// their own identity field (<c>fb_id</c>, <c>mobile</c>, <c>uid</c>). Columns we do not collect are empty.
/// </summary>
public sealed class GuestLists(GuestRecords records)
{
    public async Task<IReadOnlyList<Dictionary<string, object?>>> GuestsAsync(long routerId, GuestKind kind, int limit, int offset, CancellationToken cancellationToken)
    {
        var table = await records.Guests.TableAsync(cancellationToken);
        var page = await OffsetPage.ReadAsync<GuestEntity>(table, GuestEntity.PartitionFor(routerId, kind), limit, offset, cancellationToken);
        var field = kind switch
        {
            GuestKind.Email => "email",
            GuestKind.Facebook => "fb_id",
            GuestKind.Mobile => "mobile",
            _ => "uid",
        };
        return [.. page.Select(g => new Dictionary<string, object?>
        {
            ["id"] = g.Id,
            [field] = g.Identity,
            ["created_at"] = VoucherInput.Format(g.CreatedAt),
            ["last_login"] = VoucherInput.Format(g.LastLogin),
            ["MAC"] = g.Mac?.ToUpperInvariant(),
            ["visits"] = g.Visits,
            ["comments"] = "",
            ["comments1"] = "",
            ["comments2"] = "",
            ["last_modified"] = VoucherInput.Format(g.LastLogin),
            ["marketing"] = 0,
            ["verified"] = 0,
        })];
    }

    /// <summary>The login log, newest first (its row keys sort so).</summary>
    public async Task<IReadOnlyList<Dictionary<string, object?>>> LoginsAsync(long routerId, int limit, int offset, CancellationToken cancellationToken)
    {
        var table = await records.Logins.TableAsync(cancellationToken);
        var page = await OffsetPage.ReadAsync<GuestLoginEntity>(table, "r" + GuestEntity.Key(routerId), limit, offset, cancellationToken);
        return [.. page.Select(l => new Dictionary<string, object?>
        {
            ["id"] = l.PageId,
            ["username"] = l.Uid,
            ["type"] = l.Kind,
            ["MAC"] = l.Mac.ToUpperInvariant(),
            ["ip"] = l.Ip,
            ["login_time"] = VoucherInput.Format(l.At),
        })];
    }
}
