using Hotspot.Drivers;
using Hotspot.Guests;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tenancy.Entities;
using Hotspot.Vouchers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.ActionApi;

/// <summary>The actions of seed 002 on one router whose key and switches have been checked.</summary>
internal static class ActionDispatcher
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    public const int MaxOffset = 100_000;

    public static async Task<IResult> RunAsync(IServiceProvider services, RouterEntity router, ActionParameters parameters, CancellationToken cancellationToken)
    {
        var limit = parameters.Number("limit", DefaultLimit, MaxLimit);
        var offset = parameters.Number("offset", 0, MaxOffset);
        if (limit is null or 0 || offset is null)
        {
            return ActionReply.Failure(ActionMessages.Error, StatusCodes.Status400BadRequest, $"limit: 1 to {MaxLimit}; offset: 0 to {MaxOffset}");
        }

        var guests = services.GetRequiredService<GuestLists>();
        try
        {
            return parameters.Action switch
            {
                "create_voucher" => await CreateVoucherAsync(services, router, parameters, cancellationToken),
                "remove_voucher" => await RemoveVoucherAsync(services, router, parameters, cancellationToken),
                "get_voucher_users" => ActionReply.List("users", await services.GetRequiredService<VoucherService>().PageAsync(router, limit.Value, offset.Value, cancellationToken)),
                "get_email_users" => ActionReply.List("users", await guests.GuestsAsync(router.Id, GuestKind.Email, limit.Value, offset.Value, cancellationToken)),
                "get_fb_users" => ActionReply.List("users", await guests.GuestsAsync(router.Id, GuestKind.Facebook, limit.Value, offset.Value, cancellationToken)),
                "get_mobile_users" => ActionReply.List("users", await guests.GuestsAsync(router.Id, GuestKind.Mobile, limit.Value, offset.Value, cancellationToken)),
                "get_free_users" => ActionReply.List("users", await guests.GuestsAsync(router.Id, GuestKind.Free, limit.Value, offset.Value, cancellationToken)),
                "get_logins" => ActionReply.List("users", await guests.LoginsAsync(router.Id, limit.Value, offset.Value, cancellationToken)),
                "get_guest_hosts" => ActionReply.List("data", await LiveLists.HostsAsync(Controller(services, router), limit.Value, offset.Value, cancellationToken)),
                "get_active_guests" => ActionReply.List("data", await LiveLists.ActiveAsync(Controller(services, router), limit.Value, offset.Value, cancellationToken)),
                _ => ActionReply.Failure(ActionMessages.Error, StatusCodes.Status400BadRequest, "unknown action"),
            };
        }
        catch (Exception e) when (e is RouterOsException or ControllerException or Azure.RequestFailedException)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ActionDispatcher))
                .LogError(e, "Action {Action} failed on router {RouterId}", parameters.Action, router.Id);
            return ActionReply.Failure(ActionMessages.Error, StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<IResult> CreateVoucherAsync(IServiceProvider services, RouterEntity router, ActionParameters parameters, CancellationToken cancellationToken)
    {
        var (input, error) = VoucherInput.From(parameters);
        if (input is null)
        {
            return ActionReply.Failure(ActionMessages.Error, StatusCodes.Status400BadRequest, error);
        }

        var (outcome, voucher) = await services.GetRequiredService<VoucherService>().CreateAsync(router, input, cancellationToken);
        return outcome == VoucherOutcome.Duplicate
            ? ActionReply.Failure(ActionMessages.UsernameExists, StatusCodes.Status409Conflict)
            : ActionReply.Json(new Dictionary<string, object> { ["message"] = ActionMessages.UserAdded, ["user"] = CreatedVoucherView.From(voucher!), ["error"] = false });
    }

    private static async Task<IResult> RemoveVoucherAsync(IServiceProvider services, RouterEntity router, ActionParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters["username"] is not { } username)
        {
            return ActionReply.Failure(ActionMessages.NoUsername, StatusCodes.Status400BadRequest);
        }

        return await services.GetRequiredService<VoucherService>().RemoveAsync(router, username, cancellationToken) == VoucherOutcome.NotFound
            ? ActionReply.Failure(ActionMessages.UsernameMissing, StatusCodes.Status404NotFound)
            : ActionReply.Message(ActionMessages.UserRemoved, false, StatusCodes.Status200OK);
    }

    private static IGuestAccessController Controller(IServiceProvider services, RouterEntity router) =>
        services.GetRequiredService<RouterControllers>().For(router)
        ?? throw new ControllerException(ControllerError.InvalidArgument, $"No driver for router kind {router.Tipo}.");
}
