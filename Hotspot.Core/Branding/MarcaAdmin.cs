using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Admin;

namespace Hotspot.Branding;

/// <summary>The operator's side of brands: a company's brand and a router's override, with the same isolation and audit as other admin writes.</summary>
public sealed class MarcaAdmin(MarcaStore marcas, EmpresaAdmin empresas, RouterAdmin routers, AuditLog audit)
{
    public async Task<MarcaResponse> GetCompanyAsync(AdminCaller caller, long? empresaId, CancellationToken cancellationToken)
    {
        var empresa = await empresas.GetAsync(caller, empresaId, cancellationToken);
        return await marcas.GetAsync(empresa.Id, null, cancellationToken) is { } marca ? MarcaResponse.From(marca) : MarcaResponse.Empty(empresa.Id, null);
    }

    public async Task<MarcaResponse> PutCompanyAsync(AdminCaller caller, long? empresaId, MarcaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        MarcaValidation.Validate(request).ThrowIfAny();
        var empresa = await empresas.GetAsync(caller, empresaId, cancellationToken);
        var marca = Build(empresa.Id, null, request);
        await marcas.SaveAsync(marca, cancellationToken);
        await audit.RecordAsync(caller, "marca.actualizar", $"empresa:{empresa.Id}", empresa.Id, cancellationToken);
        return MarcaResponse.From(marca);
    }

    public async Task<MarcaResponse> GetRouterAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        return await marcas.GetAsync(router.EmpresaId, router.Id, cancellationToken) is { } marca ? MarcaResponse.From(marca) : MarcaResponse.Empty(router.EmpresaId, router.Id);
    }

    public async Task<MarcaResponse> PutRouterAsync(AdminCaller caller, long? routerId, MarcaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        MarcaValidation.Validate(request).ThrowIfAny();
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        var marca = Build(router.EmpresaId, router.Id, request);
        await marcas.SaveAsync(marca, cancellationToken);
        await audit.RecordAsync(caller, "marca.actualizar", $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return MarcaResponse.From(marca);
    }

    public async Task DeleteRouterAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        await marcas.DeleteAsync(router.EmpresaId, router.Id, cancellationToken);
        await audit.RecordAsync(caller, "marca.eliminar", $"router:{router.Id}", router.EmpresaId, cancellationToken);
    }

    private static MarcaEntity Build(long empresaId, long? routerId, MarcaRequest r) => new()
    {
        EmpresaId = empresaId,
        RouterId = routerId,
        NombreComercial = Blank(r.NombreComercial),
        ColorPrimario = Blank(r.ColorPrimario)?.ToLowerInvariant(),
        ColorSecundario = Blank(r.ColorSecundario)?.ToLowerInvariant(),
        Telefono = Blank(r.Telefono),
        Whatsapp = Blank(r.Whatsapp),
        Email = Blank(r.Email),
        Terminos = Blank(r.Terminos),
        Idioma = Blank(r.Idioma),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
