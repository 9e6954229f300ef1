using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tenancy.Admin;

public sealed record ApiKeyStatus(string Id, long RouterId, long EmpresaId, string Estado, DateTimeOffset CreadaEn, DateTimeOffset ExpiraEn, DateTimeOffset? RevocadaEn, DateTimeOffset? LastUsed)
{
    public static ApiKeyStatus From(ApiKeyEntity k, DateTimeOffset now) => new(
        k.RowKey, k.RouterId, k.EmpresaId,
        k.RevocadaEn is not null ? "revocada" : k.ExpiraEn <= now ? "expirada" : "activa",
        k.CreadaEn, k.ExpiraEn, k.RevocadaEn, k.UltimoUso);
}

/// <summary>The only response that ever carries a key: right after it is issued.</summary>
public sealed record IssuedApiKey(string Id, string ApiKey, long RouterId, long EmpresaId, DateTimeOffset CreadaEn, DateTimeOffset ExpiraEn);

/// <summary>A router's API keys, for a super_admin or the router's own cliente_admin.</summary>
public static class ApiKeyEndpoints
{
    public static Task<IResult> IssueAsync(HttpContext context, CancellationToken cancellationToken) =>
        IssueAsync(context, revokeExisting: false, cancellationToken);

    /// <summary>Revokes every active key of the router and issues a new one: the previous key stops working at once.</summary>
    public static Task<IResult> RegenerateAsync(HttpContext context, CancellationToken cancellationToken) =>
        IssueAsync(context, revokeExisting: true, cancellationToken);

    public static async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var router = await RouterEndpoints.FindAsync(context, cancellationToken);
        if (router is null)
        {
            return Problems.NotFound("Router no encontrado.");
        }

        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return await Paging.AnswerAsync(
            context.Request,
            (limit, token) => context.RequestServices.GetRequiredService<ApiKeyStore>().PageAsync(router.Id, limit, token, cancellationToken),
            key => ApiKeyStatus.From(key, now));
    }

    public static async Task<IResult> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var key = await FindKeyAsync(context, cancellationToken);
        return key is null
            ? Problems.NotFound("API key no encontrada.")
            : ApiJson.Ok(ApiKeyStatus.From(key, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()));
    }

    public static async Task<IResult> RevokeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var key = await FindKeyAsync(context, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound("API key no encontrada.");
        }

        var services = context.RequestServices;
        try
        {
            key = await services.GetRequiredService<ApiKeyStore>().RevokeAsync(key, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Problems.Conflict("La API key cambió varias veces mientras se revocaba; vuelva a intentarlo.");
        }

        await services.GetRequiredService<AuditLog>().RecordAsync(context, "api_key.revocar", $"router:{key.RouterId}/api_key:{key.RowKey}", key.EmpresaId, cancellationToken);
        return ApiJson.Ok(ApiKeyStatus.From(key, services.GetRequiredService<TimeProvider>().GetUtcNow()));
    }

    private static async Task<IResult> IssueAsync(HttpContext context, bool revokeExisting, CancellationToken cancellationToken)
    {
        var router = await RouterEndpoints.FindAsync(context, cancellationToken);
        if (router is null)
        {
            return Problems.NotFound("Router no encontrado.");
        }

        var services = context.RequestServices;
        var store = services.GetRequiredService<ApiKeyStore>();
        ApiKeyEntity key;
        string apiKey;
        try
        {
            (key, apiKey) = revokeExisting ? await store.RegenerateAsync(router, cancellationToken) : await store.IssueAsync(router, cancellationToken);
        }
        catch (ApiKeySetChangedException)
        {
            return Problems.Conflict("Las API keys del router cambiaron mientras se procesaba la petición (otra regeneración o emisión terminó antes); no se cambió nada. Consulte las keys y vuelva a intentarlo si hace falta.");
        }

        await services.GetRequiredService<AuditLog>().RecordAsync(
            context, revokeExisting ? "api_key.regenerar" : "api_key.emitir", $"router:{router.Id}/api_key:{key.RowKey}", router.EmpresaId, cancellationToken);
        return ApiJson.Ok(new IssuedApiKey(key.RowKey, apiKey, key.RouterId, key.EmpresaId, key.CreadaEn, key.ExpiraEn), StatusCodes.Status201Created);
    }

    private static async Task<ApiKeyEntity?> FindKeyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var router = await RouterEndpoints.FindAsync(context, cancellationToken);
        var keyId = context.Request.RouteValues["keyId"]?.ToString();
        return router is null || string.IsNullOrEmpty(keyId) || keyId.Length > 64 || !keyId.All(char.IsAsciiHexDigitLower)
            ? null
            : await context.RequestServices.GetRequiredService<ApiKeyStore>().GetAsync(router.Id, keyId, cancellationToken);
    }
}
