using Azure.Data.Tables;
using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Auth;

/// <summary>
/// Router API keys: <c>X-API-Key: jwt_...</c> (seed 000) or <c>Authorization: Bearer jwt_...</c> (seed 004). A warm
/// request reads no table: the key record, router and company come from <see cref="TenancyCache"/>, and
/// <c>last_used</c> is written at most once a minute per key and instance. A valid key whose scope does not open the
/// route answers 403 in words (<see cref="KeyScopes"/>).
/// </summary>
public sealed class ApiKeyAuthenticator(ApiKeyTokens tokens, TenancyCache tenancy, TableStore store, TimeProvider time)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _lastUsedWritten = new(StringComparer.Ordinal);

    /// <summary>What a portal key is told on a route that needs an integration key.</summary>
    public const string PortalKeyRefused =
        "Esta API key es de alcance portal: se publica en las páginas del portal y no abre esta ruta. Use una API key de alcance integracion, que solo guarda su servidor.";

    public async Task<(RouterPrincipal? Principal, IResult? Error)> AuthenticateAsync(HttpContext context, KeyScope required, CancellationToken cancellationToken)
    {
        var presented = Presented(context.Request);
        if (presented is null)
        {
            return (null, Problems.Unauthorized("Falta la API key del router (X-API-Key: jwt_...)."));
        }

        var claims = await tokens.ValidateAsync(presented, cancellationToken);
        if (claims is null)
        {
            return (null, Problems.Unauthorized("API key inválida o expirada."));
        }

        var principal = await PrincipalAsync(presented, claims, cancellationToken);
        if (principal is null)
        {
            return (null, Problems.Unauthorized("API key revocada o desconocida."));
        }

        return principal.Scope.Opens(required) ? (principal, null) : (null, Problems.Forbidden(PortalKeyRefused));
    }

    /// <summary>The router behind a key that arrived some other way (seed 002's <c>api-key</c> parameter); null when it is not valid. The caller checks its scope.</summary>
    public async Task<RouterPrincipal?> AuthenticateKeyAsync(string presented, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var claims = presented.StartsWith(ApiKeyTokens.Prefix, StringComparison.Ordinal) ? await tokens.ValidateAsync(presented, cancellationToken) : null;
        return claims is null ? null : await PrincipalAsync(presented, claims, cancellationToken);
    }

    private async Task<RouterPrincipal?> PrincipalAsync(string presented, ApiKeyClaims claims, CancellationToken cancellationToken)
    {

        var keyTask = tenancy.ApiKeyAsync(claims.RouterId, claims.KeyId, cancellationToken).AsTask();
        var routerTask = tenancy.RouterAsync(claims.EmpresaId, claims.RouterId, cancellationToken).AsTask();
        var empresaTask = tenancy.EmpresaAsync(claims.EmpresaId, cancellationToken).AsTask();
        await Task.WhenAll(keyTask, routerTask, empresaTask);
        var (key, router, empresa) = (await keyTask, await routerTask, await empresaTask);
        var now = time.GetUtcNow();
        if (key is null || key.RevocadaEn is not null || key.ExpiraEn <= now || !ApiKeyTokens.HashMatches(presented, key.KeyHash)
            || router is null || empresa is null)
        {
            return null;
        }

        await TouchLastUsedAsync(key, now, cancellationToken);
        return new RouterPrincipal(key.RowKey, router, empresa) { Scope = KeyScopes.OfStored(key.Alcance) };
    }

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers["X-API-Key"].ToString().Trim();
        var value = header.Length > 0 ? header : SessionAuthenticator.BearerToken(request);
        return value is not null && value.StartsWith(ApiKeyTokens.Prefix, StringComparison.Ordinal) ? value : null;
    }

    private async Task TouchLastUsedAsync(ApiKeyEntity key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var written = _lastUsedWritten.GetValueOrDefault(key.RowKey, key.UltimoUso ?? DateTimeOffset.MinValue);
        if (now - written < LastUsedResolution)
        {
            return;
        }

        _lastUsedWritten[key.RowKey] = now;
        var table = await store.GetTableAsync(TableNames.ApiKeys, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(
                new TableEntity(key.PartitionKey, key.RowKey) { [nameof(ApiKeyEntity.UltimoUso)] = now },
                Azure.ETag.All,
                TableUpdateMode.Merge,
                cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The key was deleted meanwhile; nothing to record.
        }
    }
}
