using System.Globalization;
using Hotspot.Auth;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

public sealed class AuditEntity : StoredEntity
{
    public DateTimeOffset Fecha { get; set; }

    public long ActorId { get; set; }

    public string ActorEmail { get; set; } = "";

    public string ActorRol { get; set; } = "";

    public string Accion { get; set; } = "";

    public string Objetivo { get; set; } = "";

    public long? EmpresaId { get; set; }

    public string DireccionIp { get; set; } = "";
}

/// <summary>
/// Append-only record of admin writes. Each entry is written under "all" (what a super_admin reads) and under its
/// company (what that company's cliente_admin reads); row keys sort newest first.
/// </summary>
public sealed class AuditLog(TableStore store, TimeProvider time)
{
    public const string AllPartition = "all";
    private readonly TableRepository<AuditEntity> _entries = store.Repository<AuditEntity>(TableNames.Audit);

    public static string CompanyPartition(long empresaId) => "empresa-" + StoredEntity.Key(empresaId);

    public Task RecordAsync(HttpContext context, string action, string target, long? empresaId, CancellationToken cancellationToken) =>
        RecordAsync(new AdminCaller(context.Admin(), ClientAddress.Of(context)), action, target, empresaId, cancellationToken);

    public Task RecordAsync(AdminCaller caller, string action, string target, long? empresaId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var actor = caller.Principal;
        var now = time.GetUtcNow();
        var rowKey = (DateTimeOffset.MaxValue.Ticks - now.Ticks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        AuditEntity Entry(string partition) => new()
        {
            PartitionKey = partition,
            RowKey = rowKey,
            Fecha = now,
            ActorId = actor.UserId,
            ActorEmail = actor.Email,
            ActorRol = actor.Rol,
            Accion = action,
            Objetivo = target,
            EmpresaId = empresaId,
            DireccionIp = caller.Address,
        };

        // The audit trail must not depend on the caller staying connected.
        var writes = new List<Task> { _entries.AddAsync(Entry(AllPartition), CancellationToken.None) };
        if (empresaId is { } id)
        {
            writes.Add(_entries.AddAsync(Entry(CompanyPartition(id)), CancellationToken.None));
        }

        return Task.WhenAll(writes).WaitAsync(cancellationToken);
    }

    public Task<TablePage<AuditEntity>> PageAsync(string partition, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        _entries.QueryPageAsync(partition, limit, continuationToken, cancellationToken);
}
