using Hotspot.Tenancy.Entities;

namespace Hotspot.Guests;

/// <summary>
/// A guest of a router by kind and identity. Partition "r{router}:{kind}", row = a hash of the identity: 43 characters
/// whatever the identity (a row key holds at most 1 KiB, and a long non-ASCII uid escaped would not fit).
/// </summary>
public sealed class GuestEntity : StoredEntity
{
    public long Id { get; set; }

    public string Identity { get; set; } = "";

    public string? Mac { get; set; }

    public int Visits { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastLogin { get; set; }

    public static string PartitionFor(long routerId, GuestKind kind) => "r" + Key(routerId) + ":" + kind.ToString().ToLowerInvariant();

    public static string RowFor(string identity) =>
        Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)));
}

/// <summary>One portal login. Partition "r{router}", row = reversed time then reversed page id, so a page reads newest first.</summary>
public sealed class GuestLoginEntity : StoredEntity
{
    public long PageId { get; set; }

    public string Uid { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Mac { get; set; } = "";

    public string Ip { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public static string RowFor(DateTimeOffset at, long pageId) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "-"
        + (long.MaxValue - pageId).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
