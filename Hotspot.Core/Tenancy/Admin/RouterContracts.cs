using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy.Admin;

public sealed record RouterRequest(
    string? Nombre, string? Ubicacion, string? Tipo, bool? Activo,
    string? Host, int? Puerto, string? Usuario, string? Password, bool? Tls,
    string? CertificadoSha256, string? BaseUrl, string? Site, string? ApiKey, ApiAcciones? ApiAcciones = null,
    IReadOnlyList<string>? HostsLogin = null, string? Conexion = null, string? ConsolaId = null);

/// <summary>
/// A RADIUS router's client identity: the NAS-Identifier it must send (its <c>/system identity</c>). It carries the
/// router's secret token, so it is answered in full only by the create and regenerate answers, masked otherwise.
/// </summary>
public sealed record RouterRadiusView(string NasIdentifier);

/// <summary>Seed 002's switches: the action API enabled, by POST, by GET (each off by default).</summary>
public sealed record ApiAcciones(bool? Habilitada, bool? Post, bool? Get);

public sealed record RouterResponse(
    long Id, long EmpresaId, string Nombre, string? Ubicacion, string Tipo, bool Activo,
    string? Host, int? Puerto, string? Usuario, string? Password, bool? Tls,
    string? CertificadoSha256, string? BaseUrl, string? Site, string? ApiKey, ApiAcciones ApiAcciones, DateTimeOffset CreadoEn,
    IReadOnlyList<string> HostsLogin, string? Conexion = null, RouterRadiusView? Radius = null, string? ConsolaId = null)
{
    /// <summary>Stands in for a stored secret: the value itself never leaves the secret store.</summary>
    public const string Masked = "********";

    /// <param name="radiusToken">The RADIUS token just generated (create, regenerate): shown this once.</param>
    public static RouterResponse From(RouterEntity r, string? radiusToken = null)
    {
        var kind = Kinds.RouterKindRegistry.For(r);
        if (kind is { SecretIsGenerated: true })
        {
            var identifier = radiusToken is null ? Hotspot.Radius.RadiusIdentity.Masked(r.Id) : new Hotspot.Radius.RadiusIdentity(r.Id, radiusToken).NasIdentifier;
            return new RouterResponse(
                r.Id, r.EmpresaId, r.Nombre, r.Ubicacion, r.Tipo, r.Activo, null, null, null, null, null, null, null, null, null,
                new ApiAcciones(r.ApiHabilitada, r.ApiPost, r.ApiGet), r.CreadoEn, Sales.Purchases.LoginPageHosts.Listed(r),
                kind.Conexion, new RouterRadiusView(identifier));
        }

        // Host, port, user and TLS are the fields of a kind the cloud connects to by its RouterOS API.
        var mikrotik = kind is { Provisioning: Kinds.ProvisioningPath.RouterOsUser };
        var secret = r.TieneSecreto ? Masked : null;
        return new RouterResponse(
            r.Id, r.EmpresaId, r.Nombre, r.Ubicacion, r.Tipo, r.Activo,
            mikrotik ? r.Host : null, mikrotik ? r.Puerto : null, mikrotik ? r.Usuario : null, mikrotik ? secret : null, mikrotik ? r.Tls : null,
            r.CertificadoSha256, mikrotik ? null : r.BaseUrl, mikrotik ? null : r.Site, mikrotik ? null : secret,
            new ApiAcciones(r.ApiHabilitada, r.ApiPost, r.ApiGet), r.CreadoEn, Sales.Purchases.LoginPageHosts.Listed(r),
            kind?.Conexion, ConsolaId: r.ConsolaId);
    }
}
