using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.RouterOs;
using Hotspot.Mikrotik;
using Hotspot.Storage;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Sales.Catalog;

/// <summary>
/// The operators' side of the catalog: products per router, scoped to the caller's company (another company's router or
/// product is "not found"), every write audited. A MikroTik product's profile is checked against the router itself.
/// </summary>
public sealed class ProductCatalog(ProductoStore productos, RouterStore routers, IMikrotikClients mikrotik, AuditLog audit, TimeProvider clock)
{
    private static readonly TimeSpan RouterRetryAfter = TimeSpan.FromSeconds(30);

    public async Task<ProductoEntity> CreateAsync(AdminCaller caller, long routerId, ProductoRequest request, CancellationToken cancellationToken)
    {
        var router = await RouterAsync(caller, routerId, cancellationToken);
        var now = clock.GetUtcNow();
        var producto = new ProductoEntity
        {
            PartitionKey = ProductoStore.Partition(router.Id), RouterId = router.Id, EmpresaId = router.EmpresaId, CreadoEn = now, ActualizadoEn = now,
        };
        ProductoRules.Apply(request, producto, router.Tipo, creating: true).ThrowIfAny();
        await CheckProfileAsync(router, producto, cancellationToken);
        await AddWithFreshIdAsync(producto, cancellationToken);
        await audit.RecordAsync(caller, "producto.crear", $"producto:{producto.Id}", router.EmpresaId, cancellationToken);
        return producto;
    }

    public async Task<TablePage<ProductoEntity>> PageAsync(AdminCaller caller, long routerId, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var router = await RouterAsync(caller, routerId, cancellationToken);
        return await productos.PageAsync(router.Id, limit, continuationToken, cancellationToken);
    }

    public async Task<ProductoEntity> GetAsync(AdminCaller caller, string productoId, CancellationToken cancellationToken) =>
        (await FindAsync(caller, productoId, cancellationToken)).Producto;

    public async Task<ProductoEntity> UpdateAsync(AdminCaller caller, string productoId, ProductoRequest request, CancellationToken cancellationToken)
    {
        var (router, producto) = await FindAsync(caller, productoId, cancellationToken);
        var perfilBefore = producto.PerfilMikrotikNombre;
        ProductoRules.Apply(request, producto, router.Tipo, creating: false).ThrowIfAny();
        if (producto.PerfilMikrotikNombre != perfilBefore)
        {
            await CheckProfileAsync(router, producto, cancellationToken);
        }

        producto.ActualizadoEn = clock.GetUtcNow();
        await SaveAsync(producto, cancellationToken);
        await audit.RecordAsync(caller, "producto.actualizar", $"producto:{producto.Id}", router.EmpresaId, cancellationToken);
        return producto;
    }

    /// <summary>Takes the product off sale; it stays readable for the purchases that name it.</summary>
    public async Task<ProductoEntity> DeactivateAsync(AdminCaller caller, string productoId, CancellationToken cancellationToken)
    {
        var (router, producto) = await FindAsync(caller, productoId, cancellationToken);
        if (producto.Activo)
        {
            producto.Activo = false;
            producto.ActualizadoEn = clock.GetUtcNow();
            await SaveAsync(producto, cancellationToken);
            await audit.RecordAsync(caller, "producto.desactivar", $"producto:{producto.Id}", router.EmpresaId, cancellationToken);
        }

        return producto;
    }

    /// <summary>The router's hotspot user profiles, read from the router now.</summary>
    public async Task<IReadOnlyList<PerfilMikrotik>> ProfilesAsync(AdminCaller caller, long routerId, CancellationToken cancellationToken)
    {
        var router = await RouterAsync(caller, routerId, cancellationToken);
        if (Kinds.RouterKindRegistry.For(router) is not { HasHotspotProfiles: true })
        {
            throw new InvalidFieldsException(new FieldErrors().Add("routerId", "Los perfiles de usuario de hotspot son de routers MikroTik."));
        }

        return [.. (await ReadProfilesAsync(router, cancellationToken)).Select(p => new PerfilMikrotik(p.Id, p.Name))];
    }

    private async Task<RouterEntity> RouterAsync(AdminCaller caller, long routerId, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(routerId, cancellationToken);
        return router is not null && caller.Principal.CanAccess(router.EmpresaId) ? router : throw new NotFoundException("Router no encontrado.");
    }

    private async Task<(RouterEntity Router, ProductoEntity Producto)> FindAsync(AdminCaller caller, string productoId, CancellationToken cancellationToken)
    {
        if (ProductoIds.RouterOf(productoId) is { } routerId
            && await routers.GetAsync(routerId, cancellationToken) is { } router && caller.Principal.CanAccess(router.EmpresaId)
            && await productos.GetAsync(routerId, productoId, cancellationToken) is { } producto)
        {
            return (router, producto);
        }

        throw new NotFoundException("Producto no encontrado.");
    }

    private async Task CheckProfileAsync(RouterEntity router, ProductoEntity producto, CancellationToken cancellationToken)
    {
        if (Kinds.RouterKindRegistry.For(router) is not { ChecksProfilesOnRouter: true })
        {
            return;
        }

        var profile = (await ReadProfilesAsync(router, cancellationToken)).FirstOrDefault(p => p.Name == producto.PerfilMikrotikNombre);
        if (profile is null)
        {
            throw new InvalidFieldsException(new FieldErrors().Add("perfil_mikrotik_nombre",
                $"El router no tiene el perfil de usuario '{producto.PerfilMikrotikNombre}'; vea GET /api/v1/admin/routers/{router.Id}/perfiles-mikrotik."));
        }

        producto.PerfilMikrotikId = profile.Id;
    }

    private async Task<IReadOnlyList<HotspotUserProfile>> ReadProfilesAsync(RouterEntity router, CancellationToken cancellationToken)
    {
        try
        {
            var client = await mikrotik.ForAsync(router, cancellationToken);
            return await client.GetHotspotUserProfilesAsync(null, cancellationToken);
        }
        catch (Exception e) when (e is RouterOsException or TimeoutException or IOException)
        {
            throw new UnavailableException(
                $"No se pudieron leer los perfiles del router {router.Id}: no respondió o rechazó la conexión. Compruébelo con POST /api/v1/admin/routers/{router.Id}/test-connection.",
                RouterRetryAfter, e);
        }
    }

    private async Task AddWithFreshIdAsync(ProductoEntity producto, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            producto.Id = producto.RowKey = ProductoIds.New(producto.RouterId);
            try
            {
                await productos.AddAsync(producto, cancellationToken);
                return;
            }
            catch (EntityAlreadyExistsException) when (attempt < 3)
            {
                // One in hundreds of millions: draw another id.
            }
        }
    }

    private async Task SaveAsync(ProductoEntity producto, CancellationToken cancellationToken)
    {
        try
        {
            await productos.UpdateAsync(producto, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConflictException("El producto cambió mientras se guardaba; vuelva a leerlo y repita el cambio.");
        }
    }
}
