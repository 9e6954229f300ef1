using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Vouchers;

public enum VoucherOutcome
{
    Done,
    Duplicate,
    NotFound,
}

/// <summary>
/// Vouchers in our records and on the router, kept in step: the record is inserted first (the username's lock), the
/// router provisioned next, and the record removed again if the router refuses, so neither side holds half a voucher.
/// </summary>
public sealed class VoucherService(VoucherStore store, VoucherHotspotUsers router, TimeProvider time)
{
    public async Task<(VoucherOutcome Outcome, VoucherEntity? Voucher)> CreateAsync(RouterEntity target, VoucherInput input, CancellationToken cancellationToken, long? loteId = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow();
        var voucher = new VoucherEntity
        {
            PartitionKey = VoucherEntity.PartitionFor(target.Id), RowKey = VoucherEntity.RowFor(input.Username),
            Id = VoucherCodes.Id(), RouterId = target.Id, Username = input.Username, Passcode = input.Passcode, Fullname = input.Fullname,
            ValidFor = input.ValidFor, ValidFrom = input.ValidFrom, ValidFromText = VoucherInput.Format(input.ValidFrom ?? now),
            DownloadLimitMb = input.DownloadLimitMb, UploadLimitMb = input.UploadLimitMb, CreatedAt = now, LastModified = now, LoteId = loteId,
        };
        try
        {
            await store.AddAsync(voucher, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            return (VoucherOutcome.Duplicate, null);
        }

        bool provisioned;
        try
        {
            provisioned = await router.ProvisionAsync(target, voucher, disabled: input.ValidFrom > now, cancellationToken);
        }
        catch (Exception e) when (e is RouterOsException or OperationCanceledException)
        {
            await ForgetAsync(voucher);
            throw;
        }

        if (!provisioned)
        {
            await ForgetAsync(voucher);
            return (VoucherOutcome.Duplicate, null);
        }

        return (VoucherOutcome.Done, voucher);
    }

    public async Task<VoucherOutcome> RemoveAsync(RouterEntity target, string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var voucher = await store.GetAsync(target.Id, username, cancellationToken);
        if (voucher is null)
        {
            return VoucherOutcome.NotFound;
        }

        await router.RemoveAsync(target, username, cancellationToken);
        await store.DeleteAsync(voucher, cancellationToken);
        return VoucherOutcome.Done;
    }

    /// <summary>A page of the router's vouchers with MAC and login times filled from the router's live sessions.</summary>
    public async Task<IReadOnlyList<VoucherUserView>> PageAsync(RouterEntity target, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var page = await store.PageAsync(target.Id, limit, offset, cancellationToken);
        var sessions = await router.SessionsOfAsync(target, [.. page.Select(v => v.Username)], cancellationToken);
        var now = time.GetUtcNow();
        return [.. page.Select(v =>
        {
            var session = sessions.GetValueOrDefault(v.Username);
            var lastLogin = session is null ? v.LastLogin : now - session.Uptime;
            return new VoucherUserView(
                v.Id, v.Username, v.Passcode, v.Fullname, VoucherInput.Format(v.CreatedAt), VoucherInput.Format(v.LastModified),
                Format(v.FirstLogin ?? lastLogin), Format(lastLogin), v.ValidFor, v.ValidFromText,
                session?.MacAddress ?? v.Mac, v.DownloadLimitMb, v.UploadLimitMb);
        })];
    }

    // Undo an insert whose router half failed; not cancellable, or the record would outlive the failure.
    private Task<bool> ForgetAsync(VoucherEntity voucher) => store.DeleteAsync(voucher, CancellationToken.None);

    private static string? Format(DateTimeOffset? at) => at is { } value ? VoucherInput.Format(value) : null;
}
