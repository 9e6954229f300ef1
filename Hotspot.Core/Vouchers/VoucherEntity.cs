using Hotspot.Tenancy.Entities;

namespace Hotspot.Vouchers;

/// <summary>A voucher (seed 002). Partition "r{router}", row = the username escaped: one username per router, by construction.</summary>
public sealed class VoucherEntity : StoredEntity
{
    public long Id { get; set; }

    public long RouterId { get; set; }

    public string Username { get; set; } = "";

    public string Passcode { get; set; } = "";

    public string Fullname { get; set; } = "";

    public string ValidFor { get; set; } = "";

    /// <summary>When given, the voucher is disabled on the router until then and expires <see cref="ValidFor"/> after it.</summary>
    public DateTimeOffset? ValidFrom { get; set; }

    /// <summary>The seed's <c>valid_from</c> echo: as given, or the creation time, in the router's time.</summary>
    public string ValidFromText { get; set; } = "";

    public long DownloadLimitMb { get; set; }

    public long UploadLimitMb { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastModified { get; set; }

    public DateTimeOffset? FirstLogin { get; set; }

    public DateTimeOffset? LastLogin { get; set; }

    public string? Mac { get; set; }

    /// <summary>The batch (lote) the voucher was printed in; null for seed 002's vouchers.</summary>
    public long? LoteId { get; set; }

    /// <summary>Set by the sweep once the voucher's validity has run out and it is gone from the router.</summary>
    public bool Expired { get; set; }

    public static string PartitionFor(long routerId) => "r" + Key(routerId);

    public static string RowFor(string username) => Uri.EscapeDataString(username);
}
