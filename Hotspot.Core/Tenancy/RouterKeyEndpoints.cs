using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Tenancy;

public sealed record RouterKeyInfo(long RouterId, long EmpresaId, string Nombre, string Tipo, bool Activo, bool EmpresaActiva);

/// <summary><c>GET /api/v1/hotspot/router</c>: lets a portal check that its API key works and which router it names.</summary>
public static class RouterKeyEndpoints
{
    public static Task<IResult> WhoAmIAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var key = context.RouterKey();
        return Task.FromResult(ApiJson.Ok(new RouterKeyInfo(key.Router.Id, key.Empresa.Id, key.Router.Nombre, key.Router.Tipo, key.Router.Activo, key.Empresa.Activa)));
    }
}
