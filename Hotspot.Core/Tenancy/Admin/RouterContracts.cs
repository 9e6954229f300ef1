using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy.Admin;

public sealed record RouterRequest(
    string? Nombre, string? Ubicacion, string? Tipo, bool? Activo,
    string? Host, int? Puerto, string? Usuario, string? Password, bool? Tls,
    string? CertificadoSha256, string? BaseUrl, string? Site, string? ApiKey, ApiAcciones? ApiAcciones = null,
    IReadOnlyList<string>? HostsLogin = null);

/// <summary>Seed 002's switches: the action API enabled, by POST, by GET (each off by default).</summary>
public sealed record ApiAcciones(bool? Habilitada, bool? Post, bool? Get);

public sealed record RouterResponse(
    long Id, long EmpresaId, string Nombre, string? Ubicacion, string Tipo, bool Activo,
    string? Host, int? Puerto, string? Usuario, string? Password, bool? Tls,
    string? CertificadoSha256, string? BaseUrl, string? Site, string? ApiKey, ApiAcciones ApiAcciones, DateTimeOffset CreadoEn,
    IReadOnlyList<string> HostsLogin)
{
    /// <summary>Stands in for a stored secret: the value itself never leaves the secret store.</summary>
    public const string Masked = "********";

    public static RouterResponse From(RouterEntity r)
    {
        var mikrotik = r.Tipo == RouterKinds.Mikrotik;
        var secret = r.TieneSecreto ? Masked : null;
        return new RouterResponse(
            r.Id, r.EmpresaId, r.Nombre, r.Ubicacion, r.Tipo, r.Activo,
            mikrotik ? r.Host : null, mikrotik ? r.Puerto : null, mikrotik ? r.Usuario : null, mikrotik ? secret : null, mikrotik ? r.Tls : null,
            r.CertificadoSha256, mikrotik ? null : r.BaseUrl, mikrotik ? null : r.Site, mikrotik ? null : secret,
            new ApiAcciones(r.ApiHabilitada, r.ApiPost, r.ApiGet), r.CreadoEn, Sales.Purchases.LoginPageHosts.Listed(r));
    }
}
