using Hotspot.Tenancy.Entities;

namespace Hotspot.Branding;

/// <summary>
/// The brand a guest page shows: each field from the router's override if set, else the company's, else the default
/// (the company's name, Spanish). Colours here are validated <c>#rrggbb</c> and so safe to place in CSS.
/// </summary>
public sealed record MarcaPublica(
    string NombreComercial,
    string? ColorPrimario,
    string? ColorSecundario,
    string? Telefono,
    string? Whatsapp,
    string? Email,
    string? Terminos,
    string Idioma);

/// <summary>Resolves the effective brand of a router.</summary>
public sealed class MarcaEfectiva(MarcaStore marcas)
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
            Pick(m => m.Idioma) ?? DefaultIdioma);
    }
}
