using System.Net;
using System.Text;
using System.Text.Json;
using Hotspot.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Hotspot.Tests.Tenancy;

/// <summary>Seed 004: login, the token it returns, logout and change-password.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SessionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Login_answers_in_the_seed_shape_with_an_hs256_token_carrying_the_seed_claims()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var body = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = TenancyHost.RootPassword });

        Assert.Equal(["access_token", "token_type", "expires_at", "user"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        var user = body.GetProperty("user");
        Assert.Equal(["id", "email", "nombre", "rol", "empresa_id", "activo"], user.EnumerateObject().Select(p => p.Name));
        Assert.Equal("super_admin", user.GetProperty("rol").GetString());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("empresa_id").ValueKind);
        Assert.True(user.GetProperty("activo").GetBoolean());

        var parts = body.GetProperty("access_token").GetString()!.Split('.');
        using var header = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[0]));
        Assert.Equal("HS256", header.RootElement.GetProperty("alg").GetString());
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[1]));
        var claims = payload.RootElement;
        Assert.Equal(["sub", "email", "nombre", "rol", "empresa_id", "iat", "exp", "type"], claims.EnumerateObject().Select(p => p.Name));
        Assert.Equal(user.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), claims.GetProperty("sub").GetString());
        Assert.Equal("access_token", claims.GetProperty("type").GetString());
        Assert.Equal(24 * 3600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        Assert.Equal(claims.GetProperty("exp").GetInt64(), body.GetProperty("expires_at").GetDateTimeOffset().ToUnixTimeSeconds());

        // Signed with JWT_SESSION_SECRET: the signature recomputes with it.
        var signature = System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(TenancyHost.SessionSecret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(Base64UrlEncoder.Encode(signature), parts[2]);
    }

    [Fact]
    public async Task A_session_expires_after_JWT_SESSION_EXPIRE_HOURS_and_logout_confirms()
    {
        await using var host = await TenancyHost.StartAsync(azurite, new Dictionary<string, string?> { ["JWT_SESSION_EXPIRE_HOURS"] = "2" });
        var token = await host.LoginRootAsync();
        var logout = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/auth/logout", token);
        Assert.False(string.IsNullOrWhiteSpace(logout.GetProperty("message").GetString()));

        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/empresas", token);
        host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "/api/v1/admin/empresas", token);
    }

    [Fact]
    public async Task Login_failures_say_the_same_whether_or_not_the_email_exists()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var wrongPassword = await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = "not-the-password" });
        var unknownEmail = await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", json: new { email = "nobody@hotspot.test", password = "not-the-password" });
        Assert.Equal(wrongPassword.GetProperty("detail").GetString(), unknownEmail.GetProperty("detail").GetString());
        Assert.Equal(wrongPassword.GetProperty("title").GetString(), unknownEmail.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Change_password_checks_the_current_one_keeps_the_token_and_throttles()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var token = await host.LoginRootAsync();

        var wrong = await host.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/auth/change-password", token, new { current_password = "wrong-password", new_password = "a-brand-new-password" });
        Assert.Equal("Contraseña actual incorrecta", wrong.GetProperty("detail").GetString());
        await host.LoginAsync(TenancyHost.RootEmail, TenancyHost.RootPassword);

        var tooShort = await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "/api/v1/auth/change-password", token, new { current_password = TenancyHost.RootPassword, new_password = "short" });
        Assert.True(tooShort.GetProperty("errors").TryGetProperty("new_password", out _));

        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/auth/change-password", token, new { current_password = TenancyHost.RootPassword, new_password = "a-brand-new-password" });
        await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/empresas", token);
        await host.ExpectAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "/api/v1/auth/login", json: new { email = TenancyHost.RootEmail, password = TenancyHost.RootPassword });
        await host.LoginAsync(TenancyHost.RootEmail, "a-brand-new-password");

        // Guessing the current password is throttled like a login: 5 failures lock the account, right password or not.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await host.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/v1/auth/change-password", token, new { current_password = $"guess-{attempt}-xx", new_password = "another-new-password" });
        }

        using var locked = await host.SendAsync(HttpMethod.Post, "/api/v1/auth/change-password", token, new { current_password = "a-brand-new-password", new_password = "another-new-password" });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter?.Delta);
    }
}
