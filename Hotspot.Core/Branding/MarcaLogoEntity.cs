using Hotspot.Tenancy.Entities;

namespace Hotspot.Branding;

/// <summary>
/// A logo's bytes, stored by content: partition = company id, row = the SHA-256 of the bytes (lower-case hex). A brand
/// points at it by that hash, so a URL names one picture for ever and can be cached as such.
/// </summary>
public sealed class MarcaLogoEntity : StoredEntity
{
    public long EmpresaId { get; set; }

    public string Tipo { get; set; } = "";

    public byte[] Datos { get; set; } = [];
}
