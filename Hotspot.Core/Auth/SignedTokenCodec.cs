using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hotspot.Auth;

/// <summary>
/// HS256 JWTs: written from an exact payload, accepted only when signed with one of the given keys (never `none`,
/// never another algorithm), unexpired, not issued in the future, and of the expected <c>type</c>.
/// </summary>
internal sealed class SignedTokenCodec(TimeProvider time)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Create(Dictionary<string, object?> claims, SigningKeys keys) =>
        _handler.CreateToken(JsonSerializer.Serialize(claims), new SigningCredentials(keys.Current, SecurityAlgorithms.HmacSha256));

    /// <summary>The payload of a valid token, or null.</summary>
    public async Task<JsonElement?> ValidateAsync(string token, SigningKeys keys, string expectedType)
    {
        if (token.Length > 4096)
        {
            return null;
        }

        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            IssuerSigningKeys = keys.Valid,
            TryAllIssuerSigningKeys = true,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires),
        };

        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        using var document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.EncodedPayload));
        var payload = document.RootElement.Clone();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var typeMatches = payload.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == expectedType;
        var issuedInPast = payload.TryGetProperty("iat", out var iat) && iat.TryGetInt64(out var issuedAt) && issuedAt <= now + (long)ClockSkew.TotalSeconds;
        return typeMatches && issuedInPast ? payload : null;
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now < exp.Add(ClockSkew) && (notBefore is not { } nbf || nbf <= now.Add(ClockSkew));
    }
}
