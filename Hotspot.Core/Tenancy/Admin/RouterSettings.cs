using Hotspot.Http;
using Hotspot.Tenancy.Entities;
using Hotspot.Unifi;
using Hotspot.Unifi.SiteManager;

namespace Hotspot.Tenancy.Admin;

/// <summary>
/// A router's connection settings, checked field by field for its kind (MikroTik: host, port, TLS, API user and
/// password; UniFi: base URL or Site Manager console id, site and API key) and copied onto the router where valid.
/// </summary>
internal static class RouterSettings
{
    private const string LocalUnifi = "local";

    /// <summary>Copies the given fields onto <paramref name="router"/>, validating them for its type; returns a new secret, if any.</summary>
    public static string? Apply(RouterRequest request, RouterEntity router, FieldErrors errors, bool creating, bool allowPlainHttp)
    {
        if (creating || request.Nombre is not null)
        {
            if (Validation.IsName(request.Nombre))
            {
                router.Nombre = request.Nombre!.Trim();
            }
            else
            {
                errors.Add("nombre", "Obligatorio, hasta 200 caracteres.");
            }
        }

        if (request.Ubicacion is not null)
        {
            if (Validation.IsOptionalText(request.Ubicacion, 200))
            {
                router.Ubicacion = request.Ubicacion.Trim().Length == 0 ? null : request.Ubicacion.Trim();
            }
            else
            {
                errors.Add("ubicacion", "Hasta 200 caracteres imprimibles.");
            }
        }

        if (request.CertificadoSha256 is not null)
        {
            var pin = Validation.NormalizeSha256(request.CertificadoSha256.Length == 0 ? null : request.CertificadoSha256);
            if (pin == "")
            {
                errors.Add("certificado_sha256", "Huella SHA-256: 64 dígitos hexadecimales (con o sin ':').");
            }
            else
            {
                router.CertificadoSha256 = pin;
            }
        }

        if (request.ApiAcciones is { } acciones)
        {
            router.ApiHabilitada = acciones.Habilitada ?? router.ApiHabilitada;
            router.ApiPost = acciones.Post ?? router.ApiPost;
            router.ApiGet = acciones.Get ?? router.ApiGet;
        }

        if (request.HostsLogin is { } hostsLogin)
        {
            if (Sales.Purchases.LoginPageHosts.Normalize(hostsLogin) is { } normalized)
            {
                router.HostsLogin = normalized.Length == 0 ? null : normalized;
            }
            else
            {
                errors.Add("hosts_login", $"Hasta {Sales.Purchases.LoginPageHosts.MaxHosts} nombres de host o direcciones IP (el dns-name del hotspot, p. ej. wifi.cafe.mx).");
            }
        }

        if (request.BaseUrl is { Length: > Validation.MaxUrlLength })
        {
            errors.Add("base_url", $"Hasta {Validation.MaxUrlLength} caracteres.");
        }

        return router.Tipo switch
        {
            RouterKinds.Mikrotik => ApplyMikrotik(request, router, errors, creating),
            RouterKinds.Unifi => ApplyUnifi(request, router, errors, creating, allowPlainHttp),
            _ => null,
        };
    }

    private static string? ApplyMikrotik(RouterRequest request, RouterEntity router, FieldErrors errors, bool creating)
    {
        if (creating)
        {
            router.Conexion = request.Conexion ?? Radius.RouterConnections.Api;
            if (router.Conexion is not (Radius.RouterConnections.Api or Radius.RouterConnections.Radius))
            {
                errors.Add("conexion", $"Debe ser {Radius.RouterConnections.Api} o {Radius.RouterConnections.Radius}.");
                return null;
            }
        }
        else if (request.Conexion is not null && request.Conexion != (router.Conexion ?? Radius.RouterConnections.Api))
        {
            errors.Add("conexion", "La conexión de un router no cambia; cree otro router.");
            return null;
        }

        if (Radius.RouterConnections.IsRadius(router))
        {
            return ApplyRadius(request, errors, creating);
        }

        if (creating || request.Host is not null)
        {
            if (request.Host is { Length: > 0 and <= 253 } host && Uri.CheckHostName(host.Trim()) != UriHostNameType.Unknown)
            {
                router.Host = host.Trim();
            }
            else
            {
                errors.Add("host", "Nombre de host o dirección IP del router.");
            }
        }

        router.Tls = request.Tls ?? router.Tls;
        if (request.Puerto is { } puerto)
        {
            if (puerto is < 1 or > 65535)
            {
                errors.Add("puerto", "Debe estar entre 1 y 65535.");
            }

            router.Puerto = puerto;
        }
        else if (router.Puerto is null or 8728 or 8729)
        {
            // A default port follows the TLS setting: 8729 for API-SSL, 8728 for plain API.
            router.Puerto = router.Tls ? 8729 : 8728;
        }

        if (creating || request.Usuario is not null)
        {
            if (Validation.IsName(request.Usuario) && request.Usuario!.Length <= 100)
            {
                router.Usuario = request.Usuario.Trim();
            }
            else
            {
                errors.Add("usuario", "Usuario de la API del router, obligatorio.");
            }
        }

        return Secret(request.Password, "password", errors, creating);
    }

    /// <summary>A RADIUS router is never connected to: it has no host, port, user or password; it gets a fresh token when created.</summary>
    private static string? ApplyRadius(RouterRequest request, FieldErrors errors, bool creating)
    {
        foreach (var (field, given) in new[] { ("host", request.Host is not null), ("puerto", request.Puerto is not null), ("usuario", request.Usuario is not null),
                     ("password", request.Password is not null), ("tls", request.Tls is not null) })
        {
            if (given)
            {
                errors.Add(field, "No aplica a un router con conexion radius: el router se conecta a nuestro servidor RADIUS.");
            }
        }

        return creating ? Radius.RadiusIdentity.NewToken() : null;
    }

    private static string? ApplyUnifi(RouterRequest request, RouterEntity router, FieldErrors errors, bool creating, bool allowPlainHttp)
    {
        var conexion = request.Conexion == LocalUnifi ? null : request.Conexion;
        if (creating)
        {
            if (conexion is not (null or SiteManagerConnector.Conexion))
            {
                errors.Add("conexion", $"Debe ser {LocalUnifi} (base_url en la red del controlador) o {SiteManagerConnector.Conexion} (consola_id, a través de Site Manager).");
                return null;
            }

            router.Conexion = conexion;
        }
        else if (request.Conexion is not null && conexion != router.Conexion)
        {
            errors.Add("conexion", "La conexión de un router no cambia; cree otro router.");
            return null;
        }

        if (SiteManagerConnector.IsConnector(router))
        {
            ApplySiteManager(request, router, errors, creating);
        }
        else
        {
            ApplyLocalConsole(request, router, errors, creating, allowPlainHttp);
        }

        if (creating || request.Site is not null)
        {
            if (Validation.IsName(request.Site) && request.Site!.Length <= 100)
            {
                router.Site = request.Site.Trim();
            }
            else
            {
                errors.Add("site", "Referencia interna del sitio (internalReference), obligatoria.");
            }
        }

        return Secret(request.ApiKey, "api_key", errors, creating);
    }

    private static void ApplyLocalConsole(RouterRequest request, RouterEntity router, FieldErrors errors, bool creating, bool allowPlainHttp)
    {
        if (request.ConsolaId is not null)
        {
            errors.Add("consola_id", $"Solo con conexion {SiteManagerConnector.Conexion}; este router se alcanza en su base_url.");
        }

        if (creating || request.BaseUrl is not null)
        {
            if (Uri.TryCreate(request.BaseUrl?.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
                && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.UserInfo))
            {
                router.BaseUrl = url.ToString().TrimEnd('/');
            }
            else
            {
                errors.Add("base_url", "URL https absoluta del API de integración, p. ej. https://controlador/proxy/network/integration.");
            }
        }

        if ((creating || request.BaseUrl is not null || request.CertificadoSha256 is not null)
            && UnifiPlainHttp.Refusal(router.BaseUrl, router.CertificadoSha256, allowPlainHttp) is { } refusal)
        {
            errors.Add(refusal.Field, refusal.Message);
        }
    }

    /// <summary>Behind the connector the console is found by its id: Ubiquiti's cloud holds the address and the certificate.</summary>
    private static void ApplySiteManager(RouterRequest request, RouterEntity router, FieldErrors errors, bool creating)
    {
        foreach (var (field, given) in new[] { ("base_url", request.BaseUrl is not null), ("certificado_sha256", request.CertificadoSha256 is not null) })
        {
            if (given)
            {
                errors.Add(field, $"No aplica a un router con conexion {SiteManagerConnector.Conexion}: se llega a la consola por su consola_id a través de Site Manager.");
            }
        }

        if (creating || request.ConsolaId is not null)
        {
            if (SiteManagerConnector.IsValidConsoleId(request.ConsolaId?.Trim()))
            {
                router.ConsolaId = request.ConsolaId!.Trim();
            }
            else
            {
                errors.Add("consola_id", $"El id de la consola en Site Manager (GET /v1/hosts), obligatorio: letras, dígitos, ':', '-' o '_', hasta {SiteManagerConnector.MaxConsoleIdLength}.");
            }
        }
    }

    private static string? Secret(string? value, string field, FieldErrors errors, bool creating)
    {
        if (!creating && (value is null || value == RouterResponse.Masked))
        {
            return null;
        }

        if (string.IsNullOrEmpty(value) || value.Length > 1024 || value == RouterResponse.Masked)
        {
            errors.Add(field, "Obligatorio (se guarda en el almacén de secretos y nunca se devuelve).");
            return null;
        }

        return value;
    }
}
