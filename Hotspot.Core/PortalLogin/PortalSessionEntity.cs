using Hotspot.Tenancy.Entities;

namespace Hotspot.PortalLogin;

/// <summary>A portal login (seed 001). Partition "r{router id}" (what the router's key and the sweep read), row = page id.</summary>
public sealed class PortalSessionEntity : StoredEntity
{
    public long PageId { get; set; }

    public long RouterId { get; set; }

    public long EmpresaId { get; set; }

    public string Uid { get; set; } = "";

    public string ApMac { get; set; } = "";

    public string Mac { get; set; } = "";

    public string Ip { get; set; } = "";

    public string? OriginalUrl { get; set; }

    public string? ControllerAddress { get; set; }

    public int SessionTimeout { get; set; }

    public int? IdleTimeout { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>True until the session is ended (by DELETE, the sweep, or the device leaving); the sweep queries on it.</summary>
    public bool Open { get; set; } = true;

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Why it ended: <c>logout</c>, <c>session_timeout</c>, <c>idle_timeout</c> or <c>gone</c>.</summary>
    public string? EndReason { get; set; }

    public static string PartitionFor(long routerId) => "r" + Key(routerId);
}
