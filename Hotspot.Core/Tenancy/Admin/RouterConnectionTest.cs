using Hotspot.Auth;
using Hotspot.Drivers;
using Hotspot.Http;

namespace Hotspot.Tenancy.Admin;

/// <summary>The outcome of a connection test; <c>error</c> and <c>mensaje</c> only when it failed.</summary>
public sealed record ConnectionTestResponse(bool Ok, string Tipo, string? Version, ControllerError? Error, string? Mensaje, string? Detalle);

/// <summary>
/// Reaches a router with its stored settings (TLS, pin, credentials) through a harmless read. A failed test is still an
/// answer that says why: the request worked, the router did not. A super_admin sees the technical detail; a
/// cliente_admin sees one of four coarse answers (could not connect, credentials rejected, certificate refused, settings
/// invalid) and no detail, so that the call cannot tell a closed port from another service and does not echo what a
/// remote host answered.
/// </summary>
public sealed class RouterConnectionTest(RouterAdmin routers, RouterControllers controllers, AuditLog audit)
{
    public async Task<ConnectionTestResponse> TestAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        ConnectionTestResponse result;
        try
        {
            var controller = controllers.For(router)
                ?? throw new InvalidFieldsException(new FieldErrors().Add("tipo", $"Esta versión no puede conectarse a routers de tipo {router.Tipo}."));
            var info = await controller.TestConnectionAsync(cancellationToken);
            result = new ConnectionTestResponse(true, router.Tipo, info.Version, null, null, null);
        }
        catch (ControllerException e)
        {
            result = caller.Principal.IsSuperAdmin
                ? new ConnectionTestResponse(false, router.Tipo, null, e.Error, ControllerMessages.Spanish(e.Error), e.Message)
                : Coarse(router.Tipo, e.Error);
        }

        await audit.RecordAsync(caller, "router.probar_conexion", $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return result;
    }

    private static ConnectionTestResponse Coarse(string tipo, ControllerError error) => error switch
    {
        ControllerError.CredentialsRejected or ControllerError.TlsFailure or ControllerError.InvalidArgument =>
            new ConnectionTestResponse(false, tipo, null, error, ControllerMessages.Spanish(error), null),
        _ => new ConnectionTestResponse(false, tipo, null, ControllerError.Unavailable,
            "No se pudo conectar con el router: revise host, puerto y tls (MikroTik) o base_url (UniFi), y que el router acepte conexiones de este servicio.", null),
    };
}
