using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Hotspot.Tests.Tenancy;

/// <summary>JWTs written by hand, to present the API with every kind of token an attacker could.</summary>
public static class ForgedTokens
{
    public static string Hs256(object payload, string secret) => Sign("""{"alg":"HS256","typ":"JWT"}""", payload, secret);

    public static string AlgNone(object payload) =>
        Encode("""{"alg":"none","typ":"JWT"}""") + "." + Encode(JsonSerializer.Serialize(payload)) + ".";

    /// <summary>A genuine token with its payload swapped and its original signature kept.</summary>
    public static string WithPayload(string token, object payload)
    {
        var parts = token.Split('.');
        return parts[0] + "." + Encode(JsonSerializer.Serialize(payload)) + "." + parts[2];
    }

    public static Dictionary<string, object?> Session(long userId, string email, string rol, long? empresaId, DateTimeOffset issuedAt, TimeSpan lifetime, string type = "access_token") => new()
    {
        ["sub"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["email"] = email,
        ["nombre"] = "Forged",
        ["rol"] = rol,
        ["empresa_id"] = empresaId,
        ["iat"] = issuedAt.ToUnixTimeSeconds(),
        ["exp"] = (issuedAt + lifetime).ToUnixTimeSeconds(),
        ["type"] = type,
    };

    private static string Sign(string header, object payload, string secret)
    {
        var unsigned = Encode(header) + "." + Encode(JsonSerializer.Serialize(payload));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64UrlEncoder.Encode(signature);
    }

    private static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
