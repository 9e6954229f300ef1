using Hotspot.Tenancy.Entities;

namespace Hotspot.Branding;

/// <summary>
/// The brand a guest page shows: each field from the router's override if set, else the company's, else the default
/// (the company's name, Spanish, no logo). Colours here are validated <c>#rrggbb</c> and so safe to place in CSS;
/// <c>logo_url</c> is absolute, on our own public address.
/// </summary>
public sealed record MarcaPublica(
    string NombreComercial,
    string? ColorPrimario,
    string? ColorSecundario,
    string? Telefono,
    string? Whatsapp,
    string? Email,
    string? Terminos,
    string Idioma,
    string? LogoUrl);

/// <summary>Resolves the effective brand of a router.</summary>
public sealed class MarcaEfectiva(MarcaStore marcas, MarcaLogoUrls logoUrls)
{
    public const string DefaultIdioma = "es";

    public async Task<MarcaPublica> ForAsync(EmpresaEntity empresa, RouterEntity router, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(empresa);
        ArgumentNullException.ThrowIfNull(router);
        var company = await marcas.GetAsync(empresa.Id, null, cancellationToken);
        var own = await marcas.GetAsync(empresa.Id, router.Id, cancellationToken);
        string? Pick(Func<MarcaEntity, string?> field) => (own is null ? null : field(own)) ?? (company is null ? null : field(company));
        return new MarcaPublica(
            Pick(m => m.NombreComercial) ?? empresa.Nombre,
            Pick(m => m.ColorPrimario),
            Pick(m => m.ColorSecundario),
            Pick(m => m.Telefono),
            Pick(m => m.Whatsapp),
            Pick(m => m.Email),
            Pick(m => m.Terminos),
            Pick(m => m.Idioma) ?? DefaultIdioma,
            logoUrls.For(empresa.Id, Pick(m => m.LogoSha256))?.AbsoluteUri);
    }
}
