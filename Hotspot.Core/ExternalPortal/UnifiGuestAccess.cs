using Hotspot.Auth;
using Hotspot.Drivers;
using Hotspot.Http;
using Hotspot.Tenancy;
using Hotspot.Unifi;

namespace Hotspot.ExternalPortal;

/// <summary>
/// The UniFi external-portal API for custom portals, on the UniFi router behind the API key: authorize a guest (site,
/// client by MAC, AUTHORIZE_GUEST_ACCESS, read-back, the grant recorded for the sweep), read its access, revoke it.
/// Answers report the controller's own read-back; controller failures are left to <see cref="ControllerProblems"/>.
/// </summary>
public sealed class UnifiGuestAccess(RouterControllers controllers, GuestGrantLedger grants, TimeProvider time)
{
    public async Task<UnifiGuestResponse> AuthorizeAsync(RouterPrincipal key, UnifiAuthorizeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
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

        errors.ThrowIfAny();
        var (controller, site) = ControllerOf(key, device!.Site);
        var budget = new AccessBudget(TimeSpan.FromMinutes(request.Minutes!.Value), request.DataMb, request.RxKbps, request.TxKbps);
        var authorization = new GuestAuthorization(device with { Site = site, AccessPoint = ap }, budget);
        var status = await controller.AuthorizeAsync(authorization, cancellationToken);
        await grants.RecordAsync(key.Router.Id, authorization.Device, time.GetUtcNow() + budget.TimeLimit, CancellationToken.None);
        return UnifiGuestResponse.From(status, site);
    }

    public async Task<UnifiGuestResponse> GetClientAsync(RouterPrincipal key, string? site, string? mac, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var device = ReadDevice(site, mac, errors);
        errors.ThrowIfAny();
        var (controller, siteName) = ControllerOf(key, device!.Site);
        return await controller.GetStatusAsync(device with { Site = siteName }, cancellationToken) is { } status
            ? UnifiGuestResponse.From(status, siteName)
            : throw new NotFoundException($"El dispositivo {device.Mac} no está conectado al sitio {siteName}.");
    }

    public async Task<UnifiUnauthorizeResponse> UnauthorizeAsync(RouterPrincipal key, UnifiUnauthorizeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var device = ReadDevice(request.Site, request.Mac, errors);
        errors.ThrowIfAny();
        var (controller, site) = ControllerOf(key, device!.Site);
        return new UnifiUnauthorizeResponse(device.Mac.ToString(), await controller.DeauthorizeAsync(device with { Site = site }, cancellationToken));
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

    /// <summary>The key's router, which must be an active UniFi router of an active company, and the site to use.</summary>
    private (IGuestAccessController Controller, string Site) ControllerOf(RouterPrincipal key, string? site)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (_, router, empresa) = key;
        if (!router.Activo || !empresa.Activa)
        {
            throw new ForbiddenException("El router o su empresa están desactivados: no se da acceso a invitados.");
        }

        if (Kinds.RouterKindRegistry.For(router) is not { ServesExternalPortal: true })
        {
            throw new InvalidFieldsException(new FieldErrors().Add("router", $"La API key es de un router {router.Tipo}, no UniFi; estos endpoints son solo para UniFi."));
        }

        return (controllers.For(router)!, site ?? (string.IsNullOrWhiteSpace(router.Site) ? "default" : router.Site));
    }
}
