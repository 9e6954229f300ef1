namespace Hotspot.Branding;

/// <summary>A brand as the operator sets it; every field optional, absent keeps the company's (for a router) or the default.</summary>
public sealed record MarcaRequest(
    string? NombreComercial,
    string? ColorPrimario,
    string? ColorSecundario,
    string? Telefono,
    string? Whatsapp,
    string? Email,
    string? Terminos,
    string? Idioma);

public sealed record MarcaResponse(
    long EmpresaId,
    long? RouterId,
    string? NombreComercial,
    string? ColorPrimario,
    string? ColorSecundario,
    string? Telefono,
    string? Whatsapp,
    string? Email,
    string? Terminos,
    string? Idioma,
    string? LogoUrl)
{
    /// <param name="logoUrl">Where guests' pages load the logo from (<see cref="MarcaLogoUrls"/>).</param>
    public static MarcaResponse From(MarcaEntity m, Uri? logoUrl) =>
        new(m.EmpresaId, m.RouterId, m.NombreComercial, m.ColorPrimario, m.ColorSecundario, m.Telefono, m.Whatsapp, m.Email, m.Terminos, m.Idioma, logoUrl?.AbsoluteUri);

    public static MarcaResponse Empty(long empresaId, long? routerId) => new(empresaId, routerId, null, null, null, null, null, null, null, null, null);
}
