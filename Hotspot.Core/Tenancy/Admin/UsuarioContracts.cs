using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy.Admin;

public sealed record UsuarioRequest(string? Email, string? Password, string? Nombre, string? Rol, long? EmpresaId, bool? Activo);

public sealed record UsuarioResponse(long Id, string Email, string Nombre, string Rol, long? EmpresaId, bool Activo, DateTimeOffset CreadoEn)
{
    public static UsuarioResponse From(UsuarioEntity u) => new(u.Id, u.Email, u.Nombre, u.Rol, u.EmpresaId, u.Activo, u.CreadoEn);
}
