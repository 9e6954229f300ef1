namespace Hotspot.Vouchers;

/// <summary>When a voucher stops being valid: <c>valid_for</c> after <c>valid_from</c> when given, else after its first login.</summary>
public static class VoucherValidity
{
    /// <summary>Null for 'always' and for a voucher nobody has used yet (its clock has not started).</summary>
    public static DateTimeOffset? ExpiresAt(VoucherEntity voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return ValidFor.TryParse(voucher.ValidFor, out var validity) && validity is { } span && (voucher.ValidFrom ?? voucher.FirstLogin) is { } start
            ? start + span
            : null;
    }

    /// <summary>When it would expire if first used at <paramref name="now"/>; null when it never expires.</summary>
    public static DateTimeOffset? ExpiresIfUsedAt(VoucherEntity voucher, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return ExpiresAt(voucher) ?? (ValidFor.TryParse(voucher.ValidFor, out var validity) && validity is { } span ? now + span : null);
    }
}
