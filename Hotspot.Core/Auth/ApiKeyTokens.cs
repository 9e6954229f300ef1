using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Hotspot.Auth;

/// <summary>What a router API key says: which key, which router, which company.</summary>
public sealed record ApiKeyClaims(string KeyId, long RouterId, long EmpresaId, DateTimeOffset ExpiresAt);

/// <summary>
/// Router API keys: <c>jwt_</c> + an HS256 JWT signed with JWT_APIKEY_SECRET (never the session secret),
/// <c>type: router_api_key</c>. Only a SHA-256 hash of the whole key is stored.
/// </summary>
public sealed class ApiKeyTokens(SigningKeyRing keyRing, IOptions<AuthOptions> options, TimeProvider time)
{
    public const string Prefix = "jwt_";
    public const string TokenType = "router_api_key";
    private readonly SignedTokenCodec _codec = new(time);

    public async Task<(string ApiKey, ApiKeyClaims Claims, DateTimeOffset IssuedAt)> IssueAsync(long routerId, long empresaId, CancellationToken cancellationToken)
    {
        var keys = await keyRing.GetAsync(SigningPurpose.ApiKey, cancellationToken);
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var expiresAt = issuedAt.AddDays(options.Value.ApiKeyLifetimeDays);
        var token = _codec.Create(
            new Dictionary<string, object?>
            {
                ["jti"] = keyId,
                ["sub"] = routerId.ToString(CultureInfo.InvariantCulture),
                ["empresa_id"] = empresaId,
                ["iat"] = issuedAt.ToUnixTimeSeconds(),
                ["exp"] = expiresAt.ToUnixTimeSeconds(),
                ["type"] = TokenType,
            },
            keys);
        return (Prefix + token, new ApiKeyClaims(keyId, routerId, empresaId, expiresAt), issuedAt);
    }

    public async Task<ApiKeyClaims?> ValidateAsync(string apiKey, CancellationToken cancellationToken)
    {
        if (!apiKey.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var keys = await keyRing.GetAsync(SigningPurpose.ApiKey, cancellationToken);
        if (await _codec.ValidateAsync(apiKey[Prefix.Length..], keys, TokenType) is not { } payload)
        {
            return null;
        }

        try
        {
            return new ApiKeyClaims(
                payload.GetProperty("jti").GetString()!,
                long.Parse(payload.GetProperty("sub").GetString()!, CultureInfo.InvariantCulture),
                payload.GetProperty("empresa_id").GetInt64(),
                DateTimeOffset.FromUnixTimeSeconds(payload.GetProperty("exp").GetInt64()));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException or OverflowException)
        {
            return null;
        }
    }

    public static string Hash(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    public static bool HashMatches(string apiKey, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(apiKey)), Encoding.ASCII.GetBytes(storedHash));
}
