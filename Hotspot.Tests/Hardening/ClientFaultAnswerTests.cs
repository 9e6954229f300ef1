using System.Net;
using System.Text;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Hardening;

/// <summary>
/// A client's mistake gets a 4xx naming it, never a 500 and never an error-level log line: text that is not valid
/// UTF-8 or UTF-16, a body that stalls, breaks its chunk framing or is cut off, an email with a control character,
/// an over-long controller URL.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClientFaultAnswerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_lone_surrogate_or_invalid_UTF8_in_a_JSON_string_is_a_400()
    {
        await using var world = await HostileWorld.StartAsync(azurite);
        var portalData = "{\"data\":\"{\\\"uid\\\":\\\"\\\\ud800\\\",\\\"ap_mac\\\":\\\"aa:bb:cc:dd:ee:ff\\\",\\\"mac\\\":\\\"11:22:33:44:55:66\\\",\\\"ip\\\":\\\"10.0.0.2\\\"}\"}";
        var cases = new (string Name, string Path, byte[] Body)[]
        {
            ("/api with a lone surrogate", "/api/", Encoding.UTF8.GetBytes("{\"action\":\"get_logins\",\"username\":\"\\ud800\"}")),
            ("/api with invalid UTF-8", "/api/", [.. "{\"action\":\"get_logins\",\"username\":\""u8, 0xFF, 0xFE, .. "\"}"u8]),
            ("portal_login with a lone surrogate inside data", "/api/v1/portal_login", Encoding.UTF8.GetBytes(portalData)),
            ("portal_login with invalid UTF-8 in data", "/api/v1/portal_login", [.. "{\"data\":\""u8, 0xC3, 0x28, .. "\"}"u8]),
        };

        foreach (var (name, path, body) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-API-Key", world.ApiKey);
            using var response = await world.Host.Host.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Empty(world.ErrorLines());
    }

    [Fact]
    public async Task A_stalled_broken_or_cut_off_body_is_answered_for_what_it_is_and_not_logged_as_an_error()
    {
        await using var world = await HostileWorld.StartAsync(azurite);
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var head = $"POST /api/v1/admin/empresas HTTP/1.1\r\nContent-Type: application/json{world.HeaderLines(Caller.Root)}";

        await RawHttp.HangUpMidBodyAsync(world.BaseAddress, head + "\r\nContent-Length: 500", "{\"nombre\":"u8.ToArray(), budget.Token);
        var brokenChunks = await RawHttp.SendAsync(world.BaseAddress, head + "\r\nTransfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n"u8.ToArray(), budget.Token);
        var stalled = await RawHttp.SendAsync(world.BaseAddress, head + "\r\nContent-Length: 500", "{\"nombre\":"u8.ToArray(), budget.Token);

        Assert.Equal(400, brokenChunks);
        Assert.Equal(408, stalled);
        Assert.Empty(world.ErrorLines());
    }

    [Fact]
    public async Task An_email_with_a_control_character_and_an_over_long_controller_url_are_422_naming_the_field()
    {
        await using var world = await HostileWorld.StartAsync(azurite);
        var host = world.Host;

        var email = await host.SendAsync(HttpMethod.Post, "/api/v1/admin/usuarios", world.RootToken,
            new { email = "ops\u0001@hotel.test", password = "password-123", nombre = "Ops", rol = "super_admin" });
        var baseUrl = await host.SendAsync(HttpMethod.Post, $"/api/v1/admin/empresas/{world.EmpresaId}/routers", world.RootToken,
            new { nombre = "U", tipo = "unifi", base_url = "https://controller.test/" + new string('a', 32_000), site = "default", api_key = "k-123" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, email.StatusCode);
        Assert.Contains("\"email\"", await email.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, baseUrl.StatusCode);
        Assert.Contains("\"base_url\"", await baseUrl.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(world.ErrorLines());
    }

    [Fact]
    public async Task A_hundred_parallel_creates_are_all_kept_with_distinct_ids_or_asked_to_retry()
    {
        await using var world = await HostileWorld.StartAsync(azurite);

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var response = await world.Host.SendAsync(HttpMethod.Post, "/api/v1/admin/empresas", world.RootToken, new { nombre = $"Paralela {i}" });
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter is not null, Body: body);
        }));

        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.All(answers.Except(created), a => Assert.True(a.StatusCode == HttpStatusCode.ServiceUnavailable && a.RetryAfter, $"{(int)a.StatusCode}: {a.Body}"));
        var ids = created.Select(a => System.Text.Json.JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Empty(world.ErrorLines());
    }
}
