using Hotspot.Auth;
using Hotspot.Drivers;
using Hotspot.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tenancy.Admin;

/// <summary>The outcome of a connection test; <c>error</c> and <c>mensaje</c> only when it failed.</summary>
public sealed record ConnectionTestResponse(bool Ok, string Tipo, string? Version, ControllerError? Error, string? Mensaje, string? Detalle);

/// <summary>
/// <c>POST /api/v1/admin/routers/{routerId}/test-connection</c>: reaches the router with its stored settings (TLS,
/// pin, credentials) through a harmless read. A failed test is still a 200 whose body says why: the request worked,
/// the router did not. A super_admin sees the technical detail; a cliente_admin sees one of four coarse answers
/// (could not connect, credentials rejected, certificate refused, settings invalid) and no detail, so that the call
/// cannot tell a closed port from another service and does not echo what a remote host answered.
/// </summary>
public static class RouterTestEndpoints
{
    public static async Task<IResult> TestConnectionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var router = await RouterEndpoints.FindAsync(context, cancellationToken);
        if (router is null)
        {
            return Problems.NotFound("Router no encontrado.");
        }

        var services = context.RequestServices;
        ConnectionTestResponse result;
        try
        {
            var controller = services.GetRequiredService<RouterControllers>().For(router);
            if (controller is null)
            {
                return Problems.Invalid("tipo", $"Esta versión no puede conectarse a routers de tipo {router.Tipo}.");
            }

            var info = await controller.TestConnectionAsync(cancellationToken);
            result = new ConnectionTestResponse(true, router.Tipo, info.Version, null, null, null);
        }
        catch (ControllerException e)
        {
            result = context.Admin().IsSuperAdmin
                ? new ConnectionTestResponse(false, router.Tipo, null, e.Error, ControllerMessages.Spanish(e.Error), e.Message)
                : Coarse(router.Tipo, e.Error);
        }

        await services.GetRequiredService<AuditLog>().RecordAsync(context, "router.probar_conexion", $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return ApiJson.Ok(result);
    }

    private static ConnectionTestResponse Coarse(string tipo, ControllerError error) => error switch
    {
        ControllerError.CredentialsRejected or ControllerError.TlsFailure or ControllerError.InvalidArgument =>
            new ConnectionTestResponse(false, tipo, null, error, ControllerMessages.Spanish(error), null),
        _ => new ConnectionTestResponse(false, tipo, null, ControllerError.Unavailable,
            "No se pudo conectar con el router: revise host, puerto y tls (MikroTik) o base_url (UniFi), y que el router acepte conexiones de este servicio.", null),
    };
}
