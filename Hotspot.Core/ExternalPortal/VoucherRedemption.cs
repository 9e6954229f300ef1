using System.Globalization;
using Hotspot.Auth;
using Hotspot.Drivers;
using Hotspot.Storage;
using Hotspot.Unifi;
using Hotspot.Vouchers;

namespace Hotspot.ExternalPortal;

public enum VoucherRefusal
{
    /// <summary>No such voucher on this router, or the wrong passcode: the guest is not told which.</summary>
    Invalid,
    NotYetValid,
    Expired,
    Throttled,
}

/// <summary>What a valid voucher grants the device now: access until its expiry, with its data limit.</summary>
public sealed record VoucherGrant(VoucherEntity Voucher, AccessBudget Budget, DateTimeOffset Until);

/// <summary>
/// Vouchers (seed 002) redeemed on the UniFi portal page, where the controller knows nothing of them: the code is checked
/// here, the device authorized until the voucher expires, and the first and last login kept in our records. Guesses are
/// throttled per voucher, per device and per client address, in the table every instance shares; each check takes its
/// place there before the code is compared.
/// </summary>
public sealed class VoucherRedemption(VoucherStore vouchers, LoginThrottle throttle, TimeProvider time)
{
    public const int VoucherLimit = 5;
    public const int DeviceLimit = 20;

    /// <summary>Higher than per device: a venue's guests often share one public address.</summary>
    public const int ClientAddressLimit = 30;

    private const int RecordAttempts = 3;

    /// <summary>Checks a code for a device the controller sees connected (the caller makes sure of that first).</summary>
    public async Task<(VoucherGrant? Grant, VoucherRefusal? Refusal)> CheckAsync(
        long routerId, string username, string passcode, MacAddress device, string clientAddress, CancellationToken cancellationToken)
    {
        var attempt = await throttle.ReserveAsync(Subjects(routerId, username, device, clientAddress), cancellationToken);
        if (attempt.RetryAfter is not null)
        {
            return (null, VoucherRefusal.Throttled);
        }

        var voucher = await vouchers.GetAsync(routerId, username, cancellationToken);
        if (voucher is null || !SameCode(voucher.Passcode, passcode))
        {
            // The attempt's places stay taken: it is the failure.
            return (null, VoucherRefusal.Invalid);
        }

        await throttle.SucceededAsync(attempt);
        var now = time.GetUtcNow();
        if (voucher.ValidFrom > now)
        {
            return (null, VoucherRefusal.NotYetValid);
        }

        var until = VoucherValidity.ExpiresIfUsedAt(voucher, now) ?? now.AddMinutes(UnifiLimits.MaxMinutes);
        if (voucher.Expired || until <= now)
        {
            return (null, VoucherRefusal.Expired);
        }

        var minutes = (int)Math.Clamp(Math.Ceiling((until - now).TotalMinutes), UnifiLimits.MinMinutes, UnifiLimits.MaxMinutes);
        return (new VoucherGrant(voucher, new AccessBudget(TimeSpan.FromMinutes(minutes), DataLimit(voucher)), until), null);
    }

    /// <summary>
    /// Records the login (the first one starts the voucher's clock) and returns the device that held the voucher before,
    /// when it was another one: a voucher serves one device at a time.
    /// </summary>
    public async Task<MacAddress?> RecordLoginAsync(VoucherGrant grant, MacAddress device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var voucher = grant.Voucher;
        var mac = device.ToUpperString();
        for (var attempt = 1; ; attempt++)
        {
            var previous = MacAddress.TryParse(voucher.Mac, out var held) && held != device ? held : (MacAddress?)null;
            var now = time.GetUtcNow();
            voucher.FirstLogin ??= now;
            voucher.LastLogin = now;
            voucher.Mac = mac;
            voucher.LastModified = now;
            try
            {
                await vouchers.UpdateAsync(voucher, cancellationToken);
                return previous;
            }
            catch (ConcurrencyConflictException) when (attempt < RecordAttempts)
            {
                // Another login or the sweep wrote first: apply ours to what it wrote (its first login stands).
                voucher = await vouchers.GetAsync(voucher.RouterId, voucher.Username, cancellationToken) ?? voucher;
            }
        }
    }

    // UniFi counts one total: both directions' limits together, or the one that is set.
    private static long? DataLimit(VoucherEntity voucher)
    {
        var total = voucher.DownloadLimitMb + voucher.UploadLimitMb;
        return total > 0 ? Math.Min(total, UnifiLimits.MaxDataMBytes) : null;
    }

    private static bool SameCode(string expected, string given) => Auth.ConstantTime.TextEquals(expected, given);

    // A right code clears its voucher's failures; the device and the address only get this attempt's place back.
    private static IReadOnlyList<ThrottleSubject> Subjects(long routerId, string username, MacAddress device, string clientAddress) =>
    [
        new(false, string.Create(CultureInfo.InvariantCulture, $"voucher:{routerId}:{username}"), VoucherLimit, ClearedBySuccess: true),
        new(true, string.Create(CultureInfo.InvariantCulture, $"guest:{routerId}:{device}"), DeviceLimit, ClearedBySuccess: false),
        new(true, "portal-client:" + clientAddress, ClientAddressLimit, ClearedBySuccess: false),
    ];
}
