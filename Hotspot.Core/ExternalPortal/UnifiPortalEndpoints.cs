using Hotspot.Auth;
using Hotspot.Drivers;
using Hotspot.Http;
using Hotspot.Tenancy;
using Hotspot.Unifi;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.ExternalPortal;

/// <summary>
/// The UniFi external-portal API for custom portals, authenticated by the router's API key: authorize a guest
/// (site, client by MAC, AUTHORIZE_GUEST_ACCESS, read-back), read its access, revoke it. Answers report the
/// controller's own read-back.
/// </summary>
public static class UnifiPortalEndpoints
{
    public static async Task<IResult> AuthorizeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<UnifiAuthorizeRequest>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var request = body.Value!;
        var errors = new FieldErrors();
        var device = ReadDevice(request.Site, request.Mac, errors);
        MacAddress? ap = null;
        if (request.ApMac is not null)
        {
            if (MacAddress.TryParse(request.ApMac, out var parsed))
            {
                ap = parsed;
            }
            else
            {
                errors.Add("ap_mac", "MAC del punto de acceso: seis pares hexadecimales, p. ej. 94:2a:6f:d0:30:57.");
            }
        }

        if (request.Minutes is null)
        {
            errors.Add("minutes", $"Obligatorio: minutos de acceso, de {UnifiLimits.MinMinutes} a {UnifiLimits.MaxMinutes}.");
        }

        return errors.Any ? errors.ToResult() : await WithControllerAsync(context, device!.Site, async (controller, site) =>
        {
            var budget = new AccessBudget(TimeSpan.FromMinutes(request.Minutes!.Value), request.DataMb, request.RxKbps, request.TxKbps);
            var authorization = new GuestAuthorization(device with { Site = site, AccessPoint = ap }, budget);
            var status = await controller.AuthorizeAsync(authorization, cancellationToken);
            await GrantLedger(context).RecordAsync(context.RouterKey().Router.Id, authorization.Device, Now(context) + budget.TimeLimit, CancellationToken.None);
            return ApiJson.Ok(UnifiGuestResponse.From(status, site));
        });
    }

    public static async Task<IResult> GetClientAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var device = ReadDevice(context.Request.Query["site"].FirstOrDefault(), context.Request.RouteValues["mac"] as string, errors);
        return errors.Any ? errors.ToResult() : await WithControllerAsync(context, device!.Site, async (controller, site) =>
            await controller.GetStatusAsync(device with { Site = site }, cancellationToken) is { } status
                ? ApiJson.Ok(UnifiGuestResponse.From(status, site))
                : Problems.NotFound($"El dispositivo {device.Mac} no está conectado al sitio {site}."));
    }

    public static async Task<IResult> UnauthorizeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<UnifiUnauthorizeRequest>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var errors = new FieldErrors();
        var device = ReadDevice(body.Value!.Site, body.Value.Mac, errors);
        return errors.Any ? errors.ToResult() : await WithControllerAsync(context, device!.Site, async (controller, site) =>
            ApiJson.Ok(new UnifiUnauthorizeResponse(device.Mac.ToString(), await controller.DeauthorizeAsync(device with { Site = site }, cancellationToken))));
    }

    /// <summary>The device named by a site (optional: the router's own) and a MAC, or null with the errors added.</summary>
    private static GuestDevice? ReadDevice(string? site, string? mac, FieldErrors errors)
    {
        if (site is not null && !UnifiFilter.IsValidSiteReference(site))
        {
            errors.Add("site", "Referencia interna del sitio (internalReference): letras, dígitos, '-' o '_', p. ej. default.");
        }

        if (!MacAddress.TryParse(mac, out var parsed))
        {
            errors.Add("mac", "MAC del dispositivo: seis pares hexadecimales, p. ej. 1c:71:25:63:e4:24.");
            return null;
        }

        return new GuestDevice(parsed, site);
    }

    private static GuestGrantLedger GrantLedger(HttpContext context) => context.RequestServices.GetRequiredService<GuestGrantLedger>();

    private static DateTimeOffset Now(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>Runs an operation on the key's router, which must be a UniFi router; controller failures become answers.</summary>
    private static async Task<IResult> WithControllerAsync(HttpContext context, string? site, Func<IGuestAccessController, string, Task<IResult>> operation)
    {
        var (_, router, empresa) = context.RouterKey();
        if (!router.Activo || !empresa.Activa)
        {
            return Problems.Forbidden("El router o su empresa están desactivados: no se da acceso a invitados.");
        }

        if (router.Tipo != RouterKinds.Unifi)
        {
            return Problems.Invalid("router", $"El router {router.Id} no es un router UniFi (es {router.Tipo}); estos endpoints son solo para UniFi.");
        }

        try
        {
            var controller = context.RequestServices.GetRequiredService<RouterControllers>().For(router)!;
            return await operation(controller, site ?? (string.IsNullOrWhiteSpace(router.Site) ? "default" : router.Site));
        }
        catch (ControllerException e)
        {
            return ControllerProblems.From(e);
        }
    }
}
