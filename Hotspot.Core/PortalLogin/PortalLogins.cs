using Hotspot.Auth;
using Hotspot.Drivers;
using Hotspot.Guests;
using Hotspot.Http;
using Microsoft.Extensions.Logging;

namespace Hotspot.PortalLogin;

/// <summary>
/// Seed 001's portal sessions of the router behind the API key, on any router kind: a login authorizes the device
/// through the controller interface for <c>session_timeout</c>, as the uid's own account (<see cref="PortalAccounts"/>),
/// and stores the session under a new <c>page_id</c>;
/// nothing is left half-done (a session that cannot be stored is revoked on the router).
/// </summary>
public sealed class PortalLogins(PortalSessionStore store, RouterControllers controllers, GuestRecords guests, TimeProvider time, ILogger<PortalLogins> logger)
{
    public async Task<PortalLoginResponse> LoginAsync(RouterPrincipal key, PortalLoginBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(body);
        var (_, router, empresa) = key;
        if (!router.Activo || !empresa.Activa)
        {
            throw new ForbiddenException("El router o su empresa están desactivados: no se da acceso a invitados.");
        }

        var (input, error) = PortalLoginInput.From(body.Data);
        if (input is null)
        {
            throw new BadRequestException(error!);
        }

        var controller = controllers.For(router) ?? throw new ServerFailureException($"Esta versión no puede autorizar en routers de tipo {router.Tipo}.");
        var device = new GuestDevice(input.Mac, null, input.ApMac);
        var pageId = await store.NextPageIdAsync(cancellationToken);
        try
        {
            var budget = new AccessBudget(TimeSpan.FromSeconds(input.SessionTimeout));
            await controller.AuthorizeAsync(new GuestAuthorization(device, budget, PortalAccounts.For(input.Uid)), cancellationToken);
        }
        catch (ControllerException e) when (Refused(e))
        {
            // The router's words (trap text, router id, command) are for the operator's log, not for the answer.
            logger.LogWarning("Portal login on router {RouterId} refused: {Reason}", router.Id, e.Message);
            throw new InvalidFieldsException(new FieldErrors().Add("data", ControllerMessages.Spanish(e.Error)));
        }
        catch (ControllerException e)
        {
            logger.LogError("Portal login on router {RouterId} failed: {Reason}", router.Id, e.Message);
            throw new ServerFailureException(ControllerMessages.Spanish(e.Error));
        }

        var session = NewSession(pageId, key, input);
        try
        {
            await store.AddAsync(session, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Portal session {PageId} not stored; revoking", pageId);
            await RevokeQuietlyAsync(controller, device);
            throw new ServerFailureException("No se pudo registrar la sesión; el acceso no se concedió.");
        }

        await guests.RecordLoginAsync(session, cancellationToken);
        return PortalLoginResponse.From(session);
    }

    public async Task<PortalSessionView> GetAsync(RouterPrincipal key, long? pageId, CancellationToken cancellationToken) =>
        PortalSessionView.From(await FindAsync(key, pageId, cancellationToken));

    /// <summary>Ends the session: the device loses access on the router, and the session is closed as a logout.</summary>
    public async Task EndAsync(RouterPrincipal key, long? pageId, CancellationToken cancellationToken)
    {
        var session = await FindAsync(key, pageId, cancellationToken);
        if (!session.Open)
        {
            return;
        }

        try
        {
            if (controllers.For(key.Router) is { } controller)
            {
                await controller.DeauthorizeAsync(new GuestDevice(MacAddress.Parse(session.Mac)), cancellationToken);
            }
        }
        catch (ControllerException e)
        {
            throw new ServerFailureException(ControllerMessages.Spanish(e.Error));
        }

        await store.EndAsync(session, "logout", time.GetUtcNow(), cancellationToken);
    }

    private async Task<PortalSessionEntity> FindAsync(RouterPrincipal key, long? pageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (pageId is { } id ? await store.GetAsync(key.Router.Id, id, cancellationToken) : null)
            ?? throw new NotFoundException("No hay una sesión de portal con ese page_id para este router.");
    }

    private PortalSessionEntity NewSession(long pageId, RouterPrincipal key, PortalLoginInput input)
    {
        var now = time.GetUtcNow();
        return new PortalSessionEntity
        {
            PageId = pageId, RouterId = key.Router.Id, EmpresaId = key.Router.EmpresaId, Uid = input.Uid, ApMac = input.ApMac.ToString(),
            Mac = input.Mac.ToString(), Ip = input.Ip, OriginalUrl = input.OriginalUrl, ControllerAddress = input.ControllerAddress,
            SessionTimeout = input.SessionTimeout, IdleTimeout = input.IdleTimeout, StartedAt = now, EndsAt = now.AddSeconds(input.SessionTimeout),
        };
    }

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
}
