using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Tenancy;

/// <summary>The key's router and company, and the key's own scope (<c>alcance</c>: portal or integracion).</summary>
public sealed record RouterKeyInfo(long RouterId, long EmpresaId, string Nombre, string Tipo, bool Activo, bool EmpresaActiva, string Alcance);

/// <summary><c>GET /api/v1/hotspot/router</c>: lets a portal check that its API key works and which router it names.</summary>
public static class RouterKeyEndpoints
{
    public static Task<IResult> WhoAmIAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var key = context.RouterKey();
        return Task.FromResult(ApiJson.Ok(new RouterKeyInfo(key.Router.Id, key.Empresa.Id, key.Router.Nombre, key.Router.Tipo, key.Router.Activo, key.Empresa.Activa, key.Scope.Name())));
    }
}
