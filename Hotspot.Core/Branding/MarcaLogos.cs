using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Admin;

namespace Hotspot.Branding;

/// <summary>
/// A brand's logo: the operator uploads the image's bytes (PNG, JPEG or WebP, told apart by their first bytes; never
/// SVG, which can carry script) for the company or a router; guests' pages load it from our own origin. The bytes
/// are written before the brand points at them, and an old picture is removed only once no brand of the company shows it.
/// </summary>
public sealed class MarcaLogos(MarcaStore marcas, MarcaLogoStore logos, MarcaLogoUrls urls, EmpresaAdmin empresas, RouterAdmin routers, AuditLog audit)
{
    public async Task<MarcaResponse> PutCompanyAsync(AdminCaller caller, long? empresaId, string? contentType, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var image = Validate(contentType, bytes.Span);
        var empresa = await empresas.GetAsync(caller, empresaId, cancellationToken);
        return await PutAsync(caller, empresa.Id, null, image, bytes, cancellationToken);
    }

    public async Task<MarcaResponse> PutRouterAsync(AdminCaller caller, long? routerId, string? contentType, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var image = Validate(contentType, bytes.Span);
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        return await PutAsync(caller, router.EmpresaId, router.Id, image, bytes, cancellationToken);
    }

    public async Task DeleteCompanyAsync(AdminCaller caller, long? empresaId, CancellationToken cancellationToken)
    {
        var empresa = await empresas.GetAsync(caller, empresaId, cancellationToken);
        await DeleteAsync(caller, empresa.Id, null, cancellationToken);
    }

    public async Task DeleteRouterAsync(AdminCaller caller, long? routerId, CancellationToken cancellationToken)
    {
        var router = await routers.GetAsync(caller, routerId, cancellationToken);
        await DeleteAsync(caller, router.EmpresaId, router.Id, cancellationToken);
    }

    /// <summary>The picture a public logo URL names; 404 for anything else.</summary>
    public async Task<MarcaLogoEntity> PublicAsync(long? empresaId, string? hash, CancellationToken cancellationToken) =>
        empresaId is { } id && MarcaLogoStore.IsHash(hash) && await logos.GetAsync(id, hash!, cancellationToken) is { } logo
            ? logo
            : throw new NotFoundException("Logo no encontrado.");

    /// <summary>After a router's whole override is removed: its logo goes too unless another brand of the company shows it.</summary>
    public Task ForgetIfUnusedAsync(long empresaId, string? hash, CancellationToken cancellationToken) =>
        hash is null ? Task.CompletedTask : ForgetAsync(empresaId, hash, cancellationToken);

    private async Task ForgetAsync(long empresaId, string hash, CancellationToken cancellationToken)
    {
        if (!await marcas.UsesLogoAsync(empresaId, hash, cancellationToken))
        {
            await logos.DeleteAsync(empresaId, hash, cancellationToken);
        }
    }

    private static LogoImage Validate(string? contentType, ReadOnlySpan<byte> bytes)
    {
        var (image, refusal) = LogoImage.Read(bytes);
        if (refusal is null && !LogoImage.IsAccepted(contentType))
        {
            refusal = $"Envía el logo con Content-Type {string.Join(", ", LogoImage.Accepted)}; se recibió {(string.IsNullOrWhiteSpace(contentType) ? "ninguno" : contentType)}.";
        }
        else if (refusal is null && !string.Equals(contentType!.Split(';')[0].Trim(), image!.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            refusal = $"El archivo es {image.ContentType} pero se envió como {contentType}.";
        }

        if (refusal is not null)
        {
            new FieldErrors().Add("logo", refusal).ThrowIfAny();
        }

        return image!;
    }

    private async Task<MarcaResponse> PutAsync(AdminCaller caller, long empresaId, long? routerId, LogoImage image, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var hash = MarcaLogoStore.HashOf(bytes.Span);
        await logos.SaveAsync(empresaId, hash, image, bytes.ToArray(), cancellationToken);
        var marca = await marcas.GetAsync(empresaId, routerId, cancellationToken) ?? new MarcaEntity { EmpresaId = empresaId, RouterId = routerId };
        var previous = marca.LogoSha256;
        marca.LogoSha256 = hash;
        await marcas.SaveAsync(marca, cancellationToken);
        await audit.RecordAsync(caller, "marca.logo.actualizar", Target(empresaId, routerId), empresaId, cancellationToken);
        if (previous is not null && previous != hash)
        {
            await ForgetAsync(empresaId, previous, cancellationToken);
        }

        return MarcaResponse.From(marca, urls.For(empresaId, hash));
    }

    /// <summary>Nothing to remove answers the same and writes nothing.</summary>
    private async Task DeleteAsync(AdminCaller caller, long empresaId, long? routerId, CancellationToken cancellationToken)
    {
        if (await marcas.GetAsync(empresaId, routerId, cancellationToken) is not { LogoSha256: { } hash } marca)
        {
            return;
        }

        marca.LogoSha256 = null;
        await marcas.SaveAsync(marca, cancellationToken);
        await audit.RecordAsync(caller, "marca.logo.eliminar", Target(empresaId, routerId), empresaId, cancellationToken);
        await ForgetAsync(empresaId, hash, cancellationToken);
    }

    private static string Target(long empresaId, long? routerId) => routerId is { } id ? $"router:{id}" : $"empresa:{empresaId}";
}
