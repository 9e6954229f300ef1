using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;
using Hotspot.Unifi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotspot.Tenancy.Admin;

public sealed record RouterRequest(
    string? Nombre, string? Ubicacion, string? Tipo, bool? Activo,
    string? Host, int? Puerto, string? Usuario, string? Password, bool? Tls,
    string? CertificadoSha256, string? BaseUrl, string? Site, string? ApiKey, ApiAcciones? ApiAcciones = null);

/// <summary>Seed 002's switches: the action API enabled, by POST, by GET (each off by default).</summary>
public sealed record ApiAcciones(bool? Habilitada, bool? Post, bool? Get);

public sealed record RouterResponse(
    long Id, long EmpresaId, string Nombre, string? Ubicacion, string Tipo, bool Activo,
    string? Host, int? Puerto, string? Usuario, string? Password, bool? Tls,
    string? CertificadoSha256, string? BaseUrl, string? Site, string? ApiKey, ApiAcciones ApiAcciones, DateTimeOffset CreadoEn)
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
            new ApiAcciones(r.ApiHabilitada, r.ApiPost, r.ApiGet), r.CreadoEn);
    }
}

/// <summary>
/// Routers. A super_admin creates and deletes them in any company; a cliente_admin lists, reads and edits the
/// connection settings and state of its own. Another company's router is 404, as if it did not exist.
/// </summary>
public static class RouterEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var empresaId = RouteValueReader.Id(context, "empresaId");
        var empresa = empresaId is { } id ? await services.GetRequiredService<EmpresaStore>().GetAsync(id, cancellationToken) : null;
        if (empresa is null)
        {
            return Problems.NotFound("Empresa no encontrada.");
        }

        var body = await JsonBody.ReadAsync<RouterRequest>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var request = body.Value!;
        var router = new RouterEntity
        {
            EmpresaId = empresa.Id,
            Tipo = request.Tipo ?? "",
            Activo = request.Activo ?? true,
            CreadoEn = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        var errors = new FieldErrors();
        if (request.Tipo is not (RouterKinds.Mikrotik or RouterKinds.Unifi))
        {
            errors.Add("tipo", $"Debe ser {RouterKinds.Mikrotik} o {RouterKinds.Unifi}.");
        }

        var secret = Apply(request, router, errors, creating: true, AllowsPlainHttp(services));
        if (errors.Any)
        {
            return errors.ToResult();
        }

        try
        {
            router = await services.GetRequiredService<RouterStore>().CreateAsync(router, secret!, cancellationToken);
        }
        catch (SecretStoreUnavailableException)
        {
            return Problems.Unavailable("No se pudo guardar la credencial del router en el almacén de secretos; no se creó el router. Inténtelo más tarde.");
        }

        await services.GetRequiredService<AuditLog>().RecordAsync(context, "router.crear", $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return ApiJson.Ok(RouterResponse.From(router), StatusCodes.Status201Created);
    }

    public static async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var empresaId = RouteValueReader.Id(context, "empresaId");
        if (empresaId is not { } id || !context.Admin().CanAccess(id)
            || await context.RequestServices.GetRequiredService<EmpresaStore>().GetAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound("Empresa no encontrada.");
        }

        return await Paging.AnswerAsync(
            context.Request,
            (limit, token) => context.RequestServices.GetRequiredService<RouterStore>().PageAsync(id, limit, token, cancellationToken),
            RouterResponse.From);
    }

    public static async Task<IResult> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var router = await FindAsync(context, cancellationToken);
        return router is null ? NotFound() : ApiJson.Ok(RouterResponse.From(router));
    }

    public static async Task<IResult> UpdateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RouterRequest>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var router = await FindAsync(context, cancellationToken);
        if (router is null)
        {
            return NotFound();
        }

        var request = body.Value!;
        if (!context.Admin().IsSuperAdmin && (request.Nombre is not null || request.Ubicacion is not null))
        {
            return Problems.Forbidden("Un cliente_admin solo puede cambiar la conexión y el estado de sus routers.");
        }

        var errors = new FieldErrors();
        if (request.Tipo is not null && request.Tipo != router.Tipo)
        {
            errors.Add("tipo", "El tipo de un router no cambia; cree otro router.");
        }

        var sentTo = SecretDestination.Of(router);
        var secret = Apply(request, router, errors, creating: false, AllowsPlainHttp(context.RequestServices));
        if (secret is null && SecretDestination.Of(router) != sentTo && !errors.Any)
        {
            errors.Add(SecretDestination.SecretField(router), SecretDestination.SecretRequired(router));
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        router.Activo = request.Activo ?? router.Activo;
        try
        {
            await context.RequestServices.GetRequiredService<RouterStore>().UpdateAsync(router, secret, cancellationToken);
        }
        catch (SecretStoreUnavailableException)
        {
            return Problems.Unavailable("No se pudo guardar la credencial del router en el almacén de secretos; el router no cambió.");
        }
        catch (ConcurrencyConflictException)
        {
            return Problems.Conflict("El router cambió mientras se procesaba la petición; vuelva a leerlo e inténtelo de nuevo.");
        }

        var action = request.Activo is { } activo ? (activo ? "router.activar" : "router.desactivar") : "router.actualizar";
        await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(context, action, $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return ApiJson.Ok(RouterResponse.From(router));
    }

    public static async Task<IResult> DeleteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var router = await FindAsync(context, cancellationToken);
        if (router is null)
        {
            return NotFound();
        }

        var services = context.RequestServices;
        try
        {
            await services.GetRequiredService<ApiKeyStore>().RevokeAllAsync(router.Id, cancellationToken);
            await services.GetRequiredService<RouterStore>().DeleteAsync(router, cancellationToken);
        }
        catch (Exception e) when (e is ConcurrencyConflictException or ApiKeySetChangedException)
        {
            return Problems.Conflict("El router cambió mientras se procesaba la petición; vuelva a intentarlo.");
        }

        await services.GetRequiredService<AuditLog>().RecordAsync(context, "router.eliminar", $"router:{router.Id}", router.EmpresaId, cancellationToken);
        return Results.NoContent();
    }

    /// <summary>The router named in the route if the caller may see it; null otherwise (answered 404 either way).</summary>
    internal static async Task<RouterEntity?> FindAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (RouteValueReader.Id(context, "routerId") is not { } routerId)
        {
            return null;
        }

        var router = await context.RequestServices.GetRequiredService<RouterStore>().GetAsync(routerId, cancellationToken);
        return router is not null && context.Admin().CanAccess(router.EmpresaId) ? router : null;
    }

    /// <summary>Copies the given fields onto <paramref name="router"/>, validating them for its type; returns a new secret, if any.</summary>
    private static bool AllowsPlainHttp(IServiceProvider services) =>
        services.GetRequiredService<IOptions<UnifiDriverOptions>>().Value.AllowPlainHttp;

    private static string? Apply(RouterRequest request, RouterEntity router, FieldErrors errors, bool creating, bool allowPlainHttp)
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

    private static string? ApplyUnifi(RouterRequest request, RouterEntity router, FieldErrors errors, bool creating, bool allowPlainHttp)
    {
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

    private static IResult NotFound() => Problems.NotFound("Router no encontrado.");
}
