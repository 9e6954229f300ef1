using Hotspot.Tenancy.Entities;

namespace Hotspot.Branding;

/// <summary>A venue's brand: partition = company id; row "empresa" for the company's, "router-{id}" for a router's override.</summary>
public sealed class MarcaEntity : StoredEntity
{
    public const string CompanyRow = "empresa";

    public static string RouterRow(long routerId) => "router-" + Key(routerId);

    public long EmpresaId { get; set; }

    public long? RouterId { get; set; }

    public string? NombreComercial { get; set; }

    public string? ColorPrimario { get; set; }

    public string? ColorSecundario { get; set; }

    public string? Telefono { get; set; }

    public string? Whatsapp { get; set; }

    public string? Email { get; set; }

    public string? Terminos { get; set; }

    public string? Idioma { get; set; }

    /// <summary>The logo's hash in <see cref="MarcaLogoStore"/> (the same company's partition); null without a logo.</summary>
    public string? LogoSha256 { get; set; }
}
