using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Admin;

namespace Hotspot.Branding;

/// <summary>The operator's side of brands: a company's brand and a router's override, with the same isolation and audit as other admin writes.</summary>
public sealed class MarcaAdmin(MarcaStore marcas, MarcaLogos logos, MarcaLogoUrls logoUrls, EmpresaAdmin empresas, RouterAdmin routers, AuditLog audit)
{
    public async Task<MarcaResponse> GetCompanyAsync(AdminCaller caller, long? empresaId, CancellationToken cancellationToken)
    {
        var empresa = await empresas.GetAsync(caller, empresaId, cancellationToken);
        return await marcas.GetAsync(empresa.Id, null, cancellationToken) is { } marca ? Response(marca) : MarcaResponse.Empty(empresa.Id, null);
    }

    public async Task<MarcaResponse> PutCompanyAsync(AdminCaller caller, long? empresaId, MarcaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        MarcaValidation.Validate(request).ThrowIfAny();
        var empresa = await empresas.GetAsync(caller, empresaId, cancellationToken);
        var marca = Build(empresa.Id, null, request, await marcas.GetAsync(empresa.Id, null, cancellationToken));
        await marcas.SaveAsync(marca, cancellationToken);
        await audit.RecordAsync(caller, "marca.actualizar", $"empresa:{empresa.Id}", empresa.Id, cancellationToken);
        return Response(marca);
    }

    public async Task<MarcaResponse> GetRouterAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        return await marcas.GetAsync(router.EmpresaId, router.Id, cancellationToken) is { } marca ? Response(marca) : MarcaResponse.Empty(router.EmpresaId, router.Id);
    }

    public async Task<MarcaResponse> PutRouterAsync(AdminCaller caller, long? routerId, MarcaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        MarcaValidation.Validate(request).ThrowIfAny();
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        var marca = Build(router.EmpresaId, router.Id, request, await marcas.GetAsync(router.EmpresaId, router.Id, cancellationToken));
        await marcas.SaveAsync(marca, cancellationToken);
        await audit.RecordAsync(caller, "marca.actualizar", $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return Response(marca);
    }

    public async Task DeleteRouterAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        var removed = await marcas.GetAsync(router.EmpresaId, router.Id, cancellationToken);
        await marcas.DeleteAsync(router.EmpresaId, router.Id, cancellationToken);
        await audit.RecordAsync(caller, "marca.eliminar", $"router:{router.Id}", router.EmpresaId, cancellationToken);
        await logos.ForgetIfUnusedAsync(router.EmpresaId, removed?.LogoSha256, cancellationToken);
    }

    private MarcaResponse Response(MarcaEntity marca) => MarcaResponse.From(marca, logoUrls.For(marca.EmpresaId, marca.LogoSha256));

    /// <summary>The fields as sent; the logo, set through its own route, is kept.</summary>
    private static MarcaEntity Build(long empresaId, long? routerId, MarcaRequest r, MarcaEntity? current) => new()
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
        LogoSha256 = current?.LogoSha256,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
