using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;
using Hotspot.Unifi;
using Microsoft.Extensions.Options;

namespace Hotspot.Tenancy.Admin;

/// <summary>
/// Routers. A super_admin creates and deletes them in any company; a cliente_admin lists, reads and edits the
/// connection settings and state of its own. Another company's router is "not found", as if it did not exist. A
/// stored secret goes only where it was entered for: moving a router needs its secret again.
/// </summary>
public sealed class RouterAdmin(
    RouterStore routers, EmpresaStore empresas, ApiKeyStore keys, AuditLog audit, IOptions<UnifiDriverOptions> unifi, TimeProvider clock)
{
    private const string SecretStoreDown = "No se pudo guardar la credencial del router en el almacén de secretos";
    private static readonly TimeSpan SecretStoreRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Creates the router; a RADIUS router's new token comes back with it, to be shown this once.</summary>
    public async Task<(RouterEntity Router, string? RadiusToken)> CreateAsync(AdminCaller caller, long? empresaId, RouterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var empresa = await EmpresaAsync(caller, empresaId, cancellationToken);
        var router = new RouterEntity { EmpresaId = empresa.Id, Tipo = request.Tipo ?? "", Activo = request.Activo ?? true, CreadoEn = clock.GetUtcNow() };
        var errors = new FieldErrors();
        if (!Kinds.RouterKindRegistry.Tipos.Contains(request.Tipo))
        {
            errors.Add("tipo", $"Debe ser {string.Join(" o ", Kinds.RouterKindRegistry.Tipos)}.");
        }

        var secret = RouterSettings.Apply(request, router, errors, creating: true, unifi.Value.AllowPlainHttp);
        errors.ThrowIfAny();
        try
        {
            router = await routers.CreateAsync(router, secret!, cancellationToken);
        }
        catch (SecretStoreUnavailableException e)
        {
            throw new UnavailableException($"{SecretStoreDown}; no se creó el router. Inténtelo más tarde.", SecretStoreRetryAfter, e);
        }

        await audit.RecordAsync(caller, "router.crear", $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return (router, Kinds.RouterKindRegistry.For(router) is { SecretIsGenerated: true } ? secret : null);
    }

    /// <summary>A RADIUS router's new token (the old one stops working at once); shown this once.</summary>
    public async Task<(RouterEntity Router, string RadiusToken)> RegenerateRadiusTokenAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        var router = await GetAsync(caller, routerId, cancellationToken);
        if (Kinds.RouterKindRegistry.For(router) is not { SecretIsGenerated: true })
        {
            throw new ConflictException("El router no usa conexion radius.");
        }

        var token = Radius.RadiusIdentity.NewToken();
        try
        {
            await routers.UpdateAsync(router, token, cancellationToken);
        }
        catch (SecretStoreUnavailableException e)
        {
            throw new UnavailableException($"{SecretStoreDown}; el router no cambió.", SecretStoreRetryAfter, e);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConflictException("El router cambió mientras se procesaba la petición; vuelva a leerlo e inténtelo de nuevo.");
        }

        await audit.RecordAsync(caller, "router.radius.regenerar", $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return (router, token);
    }

    public async Task<TablePage<RouterEntity>> PageAsync(AdminCaller caller, long? empresaId, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var empresa = await EmpresaAsync(caller, empresaId, cancellationToken);
        return await routers.PageAsync(empresa.Id, limit, continuationToken, cancellationToken);
    }

    /// <summary>The router if the caller may see it; "not found" otherwise.</summary>
    public async Task<RouterEntity> GetAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return routerId is { } id && await routers.GetAsync(id, cancellationToken) is { } router && caller.Principal.CanAccess(router.EmpresaId)
            ? router
            : throw new NotFoundException("Router no encontrado.");
    }

    public async Task<RouterEntity> UpdateAsync(AdminCaller caller, long? routerId, RouterRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var router = await GetAsync(caller, routerId, cancellationToken);
        if (!caller.Principal.IsSuperAdmin && (request.Nombre is not null || request.Ubicacion is not null))
        {
            throw new ForbiddenException("Un cliente_admin solo puede cambiar la conexión y el estado de sus routers.");
        }

        var errors = new FieldErrors();
        if (request.Tipo is not null && request.Tipo != router.Tipo)
        {
            errors.Add("tipo", "El tipo de un router no cambia; cree otro router.");
        }

        var sentTo = SecretDestination.Of(router);
        var secret = RouterSettings.Apply(request, router, errors, creating: false, unifi.Value.AllowPlainHttp);
        if (secret is null && SecretDestination.Of(router) != sentTo && !errors.Any)
        {
            errors.Add(SecretDestination.SecretField(router), SecretDestination.SecretRequired(router));
        }

        errors.ThrowIfAny();
        router.Activo = request.Activo ?? router.Activo;
        try
        {
            await routers.UpdateAsync(router, secret, cancellationToken);
        }
        catch (SecretStoreUnavailableException e)
        {
            throw new UnavailableException($"{SecretStoreDown}; el router no cambió.", SecretStoreRetryAfter, e);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConflictException("El router cambió mientras se procesaba la petición; vuelva a leerlo e inténtelo de nuevo.");
        }

        var action = request.Activo is { } activo ? (activo ? "router.activar" : "router.desactivar") : "router.actualizar";
        await audit.RecordAsync(caller, action, $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return router;
    }

    /// <summary>Deletes the router after revoking all its API keys.</summary>
    public async Task DeleteAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        var router = await GetAsync(caller, routerId, cancellationToken);
        try
        {
            await keys.RevokeAllAsync(router.Id, cancellationToken);
            await routers.DeleteAsync(router, cancellationToken);
        }
        catch (Exception e) when (e is ConcurrencyConflictException or ApiKeySetChangedException)
        {
            throw new ConflictException("El router cambió mientras se procesaba la petición; vuelva a intentarlo.");
        }

        await audit.RecordAsync(caller, "router.eliminar", $"router:{router.Id}", router.EmpresaId, cancellationToken);
    }

    private async Task<EmpresaEntity> EmpresaAsync(AdminCaller caller, long? empresaId, CancellationToken cancellationToken) =>
        empresaId is { } id && caller.Principal.CanAccess(id) && await empresas.GetAsync(id, cancellationToken) is { } empresa
            ? empresa
            : throw new NotFoundException("Empresa no encontrada.");
}
