using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

/// <summary>
/// One row per router in its key partition, rewritten (ETag-checked) in the same transaction as every change to the
/// router's set of keys (issue, regenerate, revoke all): two such changes made from the same view of the set cannot
/// both commit, on any number of instances.
/// </summary>
public sealed class ApiKeySetEntity : StoredEntity
{
    /// <summary>Not hexadecimal, so never a key id.</summary>
    public const string Row = "keyset";

    public long Revision { get; set; }
}

/// <summary>The router's set of keys changed after this request read it (a concurrent regenerate or issue won).</summary>
public sealed class ApiKeySetChangedException(long routerId, Exception? inner = null)
    : Exception($"The API keys of router {routerId} changed while they were being replaced.", inner);
