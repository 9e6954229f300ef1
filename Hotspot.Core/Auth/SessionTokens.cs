using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Hotspot.Auth;

/// <summary>What an admin session token says about its holder (seed 004).</summary>
public sealed record SessionClaims(long UserId, string Email, string Nombre, string Rol, long? EmpresaId, DateTimeOffset ExpiresAt);

/// <summary>Admin session tokens: HS256 signed with JWT_SESSION_SECRET, <c>type: access_token</c>, not refreshable.</summary>
public sealed class SessionTokens(SigningKeyRing keyRing, IOptions<AuthOptions> options, TimeProvider time)
{
    public const string TokenType = "access_token";
    private readonly SignedTokenCodec _codec = new(time);

    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(
        long userId, string email, string nombre, string rol, long? empresaId, CancellationToken cancellationToken)
    {
        var keys = await keyRing.GetAsync(SigningPurpose.Session, cancellationToken);
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var expiresAt = issuedAt.AddHours(options.Value.SessionExpireHours);
        var token = _codec.Create(
            new Dictionary<string, object?>
            {
                ["sub"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["email"] = email,
                ["nombre"] = nombre,
                ["rol"] = rol,
                ["empresa_id"] = empresaId,
                ["iat"] = issuedAt.ToUnixTimeSeconds(),
                ["exp"] = expiresAt.ToUnixTimeSeconds(),
                ["type"] = TokenType,
            },
            keys);
        return (token, expiresAt);
    }

    public async Task<SessionClaims?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var keys = await keyRing.GetAsync(SigningPurpose.Session, cancellationToken);
        if (await _codec.ValidateAsync(token, keys, TokenType) is not { } payload)
        {
            return null;
        }

        try
        {
            return new SessionClaims(
                long.Parse(payload.GetProperty("sub").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                payload.GetProperty("email").GetString()!,
                payload.GetProperty("nombre").GetString()!,
                payload.GetProperty("rol").GetString()!,
                payload.TryGetProperty("empresa_id", out var empresa) && empresa.ValueKind == JsonValueKind.Number ? empresa.GetInt64() : null,
                DateTimeOffset.FromUnixTimeSeconds(payload.GetProperty("exp").GetInt64()));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentNullException or OverflowException)
        {
            return null;
        }
    }
}
