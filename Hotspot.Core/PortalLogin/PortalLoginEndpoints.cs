using Hotspot.Auth;
using Hotspot.Drivers;
using Hotspot.Guests;
using Hotspot.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.PortalLogin;

/// <summary>
/// Seed 001's <c>portal_login</c> on any router kind: the device is authorized through the controller interface for
/// <c>session_timeout</c>, then the session is stored under a new <c>page_id</c>. 400 bad <c>data</c>, 401 (by the
/// pipeline) bad key, 422 the router will not let the device on, 500 the router or storage failed.
/// </summary>
public static class PortalLoginEndpoints
{
    public static async Task<IResult> PostAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (_, router, empresa) = context.RouterKey();
        if (!router.Activo || !empresa.Activa)
        {
            return Problems.Forbidden("El router o su empresa están desactivados: no se da acceso a invitados.");
        }

        var body = await JsonBody.ReadAsync<PortalLoginBody>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var (input, error) = PortalLoginInput.From(body.Value!.Data);
        if (input is null)
        {
            return Problems.BadRequest(error!);
        }

        var services = context.RequestServices;
        var store = services.GetRequiredService<PortalSessionStore>();
        var controller = services.GetRequiredService<RouterControllers>().For(router);
        if (controller is null)
        {
            return ServerError($"Esta versión no puede autorizar en routers de tipo {router.Tipo}.");
        }

        var device = new GuestDevice(input.Mac, null, input.ApMac);
        var pageId = await store.NextPageIdAsync(cancellationToken);
        try
        {
            await controller.AuthorizeAsync(new GuestAuthorization(device, new AccessBudget(TimeSpan.FromSeconds(input.SessionTimeout)), input.Uid), cancellationToken);
        }
        catch (ControllerException e)
        {
            return Refused(e) ? Problems.Invalid("data", $"{ControllerMessages.Spanish(e.Error)} {e.Message}") : ServerError(ControllerMessages.Spanish(e.Error));
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var session = new PortalSessionEntity
        {
            PageId = pageId, RouterId = router.Id, EmpresaId = router.EmpresaId, Uid = input.Uid, ApMac = input.ApMac.ToString(),
            Mac = input.Mac.ToString(), Ip = input.Ip, OriginalUrl = input.OriginalUrl, ControllerAddress = input.ControllerAddress,
            SessionTimeout = input.SessionTimeout, IdleTimeout = input.IdleTimeout, StartedAt = now, EndsAt = now.AddSeconds(input.SessionTimeout),
        };
        try
        {
            await store.AddAsync(session, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing half-done: a session we cannot track must not stay open on the router.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalLoginEndpoints)).LogError(e, "Portal session {PageId} not stored; revoking", pageId);
            await RevokeQuietlyAsync(controller, device);
            return ServerError("No se pudo registrar la sesión; el acceso no se concedió.");
        }

        await services.GetRequiredService<GuestRecords>().RecordLoginAsync(session, cancellationToken);
        return ApiJson.Ok(PortalLoginResponse.From(session), StatusCodes.Status201Created);
    }

    public static async Task<IResult> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var session = await FindAsync(context, cancellationToken);
        return session is null ? NotFound() : ApiJson.Ok(PortalSessionView.From(session));
    }

    public static async Task<IResult> DeleteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var session = await FindAsync(context, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        if (session.Open)
        {
            var services = context.RequestServices;
            var controller = services.GetRequiredService<RouterControllers>().For(context.RouterKey().Router);
            try
            {
                if (controller is not null)
                {
                    await controller.DeauthorizeAsync(new GuestDevice(Drivers.MacAddress.Parse(session.Mac)), cancellationToken);
                }
            }
            catch (ControllerException e)
            {
                return ServerError(ControllerMessages.Spanish(e.Error));
            }

            await services.GetRequiredService<PortalSessionStore>().EndAsync(session, "logout", services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        }

        return Results.NoContent();
    }

    private static async Task<PortalSessionEntity?> FindAsync(HttpContext context, CancellationToken cancellationToken) =>
        RouteValueReader.Id(context, "pageId") is { } pageId
            ? await context.RequestServices.GetRequiredService<PortalSessionStore>().GetAsync(context.RouterKey().Router.Id, pageId, cancellationToken)
            : null;

    /// <summary>The guest cannot be let on (seed 001's 422), as opposed to a router or configuration failure (500).</summary>
    private static bool Refused(ControllerException e) => e.Error is ControllerError.DeviceNotFound or ControllerError.NotAGuest
        or ControllerError.GuestRejected or ControllerError.LimitOutOfRange or ControllerError.InvalidArgument or ControllerError.UnknownSite;

    private static async Task RevokeQuietlyAsync(IGuestAccessController controller, GuestDevice device)
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await controller.DeauthorizeAsync(device, budget.Token);
        }
        catch (Exception e) when (e is ControllerException or OperationCanceledException)
        {
            // The sweep ends what is left: the router's own limit-uptime bounds it meanwhile.
        }
    }

    private static IResult ServerError(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status500InternalServerError, title: "Internal Server Error");

    private static IResult NotFound() => Problems.NotFound("No hay una sesión de portal con ese page_id para este router.");
}
