using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy.Admin;

public sealed record EmpresaRequest(string? Nombre, bool? Activa, string? EmailContacto, string? Telefono, string? Direccion, string? ZonaHoraria = null);

public sealed record EmpresaResponse(long Id, string Nombre, bool Activa, string? EmailContacto, string? Telefono, string? Direccion, string ZonaHoraria, DateTimeOffset CreadaEn)
{
    public static EmpresaResponse From(EmpresaEntity e) => new(e.Id, e.Nombre, e.Activa, e.EmailContacto, e.Telefono, e.Direccion, e.ZonaHoraria ?? CompanyTimeZone.Default, e.CreadaEn);
}
