using Hotspot.Drivers;
using Hotspot.Guests;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tenancy.Entities;
using Hotspot.Vouchers;
using Hotspot.Auth;
using Microsoft.Extensions.Logging;

namespace Hotspot.ActionApi;

/// <summary>
/// Seed 002's action API: the key (parameter <c>api-key</c> or <c>X-API-Key</c>), the router's switches, then the
/// action on that router. Statuses: 401 key missing or wrong, 403 a portal key (published, so never this API's) or the API
/// or method off, 400 bad parameters, 404 unknown
/// user, 409 duplicate, 500 otherwise. The key is never logged: nothing here logs the parameters.
/// </summary>
public sealed class RouterActions(
    ApiKeyAuthenticator keys, VoucherService vouchers, GuestLists guests, RouterControllers controllers, ILogger<RouterActions> logger)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    public const int MaxOffset = 100_000;

    /// <summary>The action's answer in the seed's shape; <paramref name="parameters"/> is null when they could not be read.</summary>
    public async Task<IResult> RunAsync(ActionParameters? parameters, bool isRead, CancellationToken cancellationToken)
    {
        if (parameters is null)
        {
            return ActionReply.Failure(ActionMessages.Error, StatusCodes.Status400BadRequest);
        }

        if (parameters.Key is not { } key)
        {
            return ActionReply.Failure(ActionMessages.KeyNotSetOrMethodNotAllowed, StatusCodes.Status401Unauthorized);
        }

        var principal = await keys.AuthenticateKeyAsync(key, cancellationToken);
        if (principal is null)
        {
            return ActionReply.Failure(ActionMessages.KeyIncorrect, StatusCodes.Status401Unauthorized);
        }

        if (!principal.Scope.Opens(KeyScope.Integration))
        {
            return ActionReply.Failure(ActionMessages.PortalKeyNotAllowed, StatusCodes.Status403Forbidden);
        }

        var router = principal.Router;
        if (!router.ApiHabilitada || !router.Activo || !principal.Empresa.Activa)
        {
            return ActionReply.Failure(ActionMessages.NotEnabled, StatusCodes.Status403Forbidden);
        }

        return (isRead ? router.ApiGet : router.ApiPost)
            ? await RunOnRouterAsync(router, parameters, cancellationToken)
            : ActionReply.Failure(ActionMessages.KeyNotSetOrMethodNotAllowed, StatusCodes.Status403Forbidden);
    }

    private async Task<IResult> RunOnRouterAsync(RouterEntity router, ActionParameters parameters, CancellationToken cancellationToken)
    {
        var limit = parameters.Number("limit", DefaultLimit, MaxLimit);
        var offset = parameters.Number("offset", 0, MaxOffset);
        if (limit is null or 0 || offset is null)
        {
            return ActionReply.Failure(ActionMessages.Error, StatusCodes.Status400BadRequest, $"limit: 1 to {MaxLimit}; offset: 0 to {MaxOffset}");
        }

        try
        {
            return parameters.Action switch
            {
                "create_voucher" => await CreateVoucherAsync(router, parameters, cancellationToken),
                "remove_voucher" => await RemoveVoucherAsync(router, parameters, cancellationToken),
                "get_voucher_users" => ActionReply.List("users", await vouchers.PageAsync(router, limit.Value, offset.Value, cancellationToken)),
                "get_email_users" => ActionReply.List("users", await guests.GuestsAsync(router.Id, GuestKind.Email, limit.Value, offset.Value, cancellationToken)),
                "get_fb_users" => ActionReply.List("users", await guests.GuestsAsync(router.Id, GuestKind.Facebook, limit.Value, offset.Value, cancellationToken)),
                "get_mobile_users" => ActionReply.List("users", await guests.GuestsAsync(router.Id, GuestKind.Mobile, limit.Value, offset.Value, cancellationToken)),
                "get_free_users" => ActionReply.List("users", await guests.GuestsAsync(router.Id, GuestKind.Free, limit.Value, offset.Value, cancellationToken)),
                "get_logins" => ActionReply.List("users", await guests.LoginsAsync(router.Id, limit.Value, offset.Value, cancellationToken)),
                "get_guest_hosts" => ActionReply.List("data", await LiveLists.HostsAsync(Controller(router), limit.Value, offset.Value, cancellationToken)),
                "get_active_guests" => ActionReply.List("data", await LiveLists.ActiveAsync(Controller(router), limit.Value, offset.Value, cancellationToken)),
                _ => ActionReply.Failure(ActionMessages.Error, StatusCodes.Status400BadRequest, "unknown action"),
            };
        }
        catch (Exception e) when (e is RouterOsException or ControllerException or Azure.RequestFailedException)
        {
            logger.LogError(e, "Action {Action} failed on router {RouterId}", parameters.Action, router.Id);
            return ActionReply.Failure(ActionMessages.Error, StatusCodes.Status500InternalServerError);
        }
    }

    private async Task<IResult> CreateVoucherAsync(RouterEntity router, ActionParameters parameters, CancellationToken cancellationToken)
    {
        var (input, error) = VoucherInput.From(parameters);
        if (input is null)
        {
            return ActionReply.Failure(ActionMessages.Error, StatusCodes.Status400BadRequest, error);
        }

        var (outcome, voucher) = await vouchers.CreateAsync(router, input, cancellationToken);
        return outcome == VoucherOutcome.Duplicate
            ? ActionReply.Failure(ActionMessages.UsernameExists, StatusCodes.Status409Conflict)
            : ActionReply.Json(new Dictionary<string, object> { ["message"] = ActionMessages.UserAdded, ["user"] = CreatedVoucherView.From(voucher!), ["error"] = false });
    }

    private async Task<IResult> RemoveVoucherAsync(RouterEntity router, ActionParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters["username"] is not { } username)
        {
            return ActionReply.Failure(ActionMessages.NoUsername, StatusCodes.Status400BadRequest);
        }

        return await vouchers.RemoveAsync(router, username, cancellationToken) == VoucherOutcome.NotFound
            ? ActionReply.Failure(ActionMessages.UsernameMissing, StatusCodes.Status404NotFound)
            : ActionReply.Message(ActionMessages.UserRemoved, false, StatusCodes.Status200OK);
    }

    private IGuestAccessController Controller(RouterEntity router) =>
        controllers.For(router)
        ?? throw new ControllerException(ControllerError.InvalidArgument, $"No driver for router kind {router.Tipo}.");
}
