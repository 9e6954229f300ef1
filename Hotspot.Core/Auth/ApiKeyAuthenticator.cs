using Azure.Data.Tables;
using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Auth;

/// <summary>
/// Router API keys: <c>X-API-Key: jwt_...</c> (seed 000) or <c>Authorization: Bearer jwt_...</c> (seed 004). A warm
/// request reads no table: the key record, router and company come from <see cref="TenancyCache"/>, and
/// <c>last_used</c> is written at most once a minute per key and instance.
/// </summary>
public sealed class ApiKeyAuthenticator(ApiKeyTokens tokens, TenancyCache tenancy, TableStore store, TimeProvider time)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _lastUsedWritten = new(StringComparer.Ordinal);

    public async Task<(RouterPrincipal? Principal, IResult? Error)> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
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
        return principal is null ? (null, Problems.Unauthorized("API key revocada o desconocida.")) : (principal, null);
    }

    /// <summary>The router behind a key that arrived some other way (seed 002's <c>api-key</c> parameter); null when it is not valid.</summary>
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
        return new RouterPrincipal(key.RowKey, router, empresa);
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
