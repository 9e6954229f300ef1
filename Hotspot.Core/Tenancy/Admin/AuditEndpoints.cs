using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Tenancy.Admin;

public sealed record AuditEntry(DateTimeOffset Fecha, long ActorId, string ActorEmail, string ActorRol, string Accion, string Objetivo, long? EmpresaId, string DireccionIp)
{
    public static AuditEntry From(AuditEntity e) => new(e.Fecha, e.ActorId, e.ActorEmail, e.ActorRol, e.Accion, e.Objetivo, e.EmpresaId, e.DireccionIp);
}

public static class AuditEndpoints
{
    /// <summary>Newest first; a super_admin sees every entry, a cliente_admin those of its company.</summary>
    public static Task<IResult> ListAsync(AuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var admin = context.Admin();
        var partition = admin.IsSuperAdmin ? AuditLog.AllPartition : AuditLog.CompanyPartition(admin.EmpresaId!.Value);
        return Paging.AnswerAsync(
            context.Request,
            (limit, token) => audit.PageAsync(partition, limit, token, cancellationToken),
            AuditEntry.From);
    }
}
