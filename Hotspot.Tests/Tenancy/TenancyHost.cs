using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hotspot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Hotspot.Tests.Tenancy;

/// <summary>
/// A DevHost with a bootstrapped super_admin, known signing secrets (so that tests can forge tokens) and a fake clock,
/// plus the admin calls the tests repeat.
/// </summary>
public sealed class TenancyHost : IAsyncDisposable
{
    public const string RootEmail = "root@hotspot.test";
    public const string RootPassword = "root-password-123";
    public const string SessionSecret = "session-secret-for-the-tests-0123456789abcdef";
    public const string ApiKeySecret = "apikey-secret-for-the-tests-0123456789abcdef";
    public const string ClientePassword = "cliente-password-123";

    private TenancyHost(RunningDevHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
    }

    public RunningDevHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<TenancyHost> StartAsync(
        AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? extraSettings = null, Action<IServiceCollection>? configureServices = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?>
        {
            ["Hotspot:Auth:BcryptCost"] = "4",
            ["Hotspot:Bootstrap:AdminEmail"] = RootEmail,
            ["Hotspot:Bootstrap:AdminPassword"] = RootPassword,
            ["JWT_SESSION_SECRET"] = SessionSecret,
            ["JWT_APIKEY_SECRET"] = ApiKeySecret,
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = await RunningDevHost.StartAsync(azurite, settings, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            configureServices?.Invoke(services);
        });
        return new TenancyHost(host, clock);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer = null, object? json = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }

        if (json is not null)
        {
            request.Content = json is string raw
                ? new StringContent(raw, Encoding.UTF8, "application/json")
                : JsonContent.Create(json);
        }

        return await Host.Client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Sends and requires <paramref name="expected"/>, returning the JSON body.</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode expected, HttpMethod method, string path, string? bearer = null, object? json = null)
    {
        using var response = await SendAsync(method, path, bearer, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<string> LoginAsync(string email, string password)
    {
        var body = await ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/auth/login", json: new { email, password });
        return body.GetProperty("access_token").GetString()!;
    }

    public Task<string> LoginRootAsync() => LoginAsync(RootEmail, RootPassword);

    public async Task<long> CreateEmpresaAsync(string rootToken, string nombre)
    {
        var body = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/empresas", rootToken, new { nombre });
        return body.GetProperty("id").GetInt64();
    }

    public async Task<long> CreateUsuarioAsync(string rootToken, string email, string rol, long? empresaId)
    {
        var body = await ExpectAsync(
            HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/usuarios", rootToken,
            new { email, password = ClientePassword, nombre = "Operador " + email, rol, empresa_id = empresaId });
        return body.GetProperty("id").GetInt64();
    }

    public async Task<long> CreateMikrotikRouterAsync(string rootToken, long empresaId, string nombre)
    {
        var body = await ExpectAsync(
            HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/empresas/{empresaId}/routers", rootToken,
            new { nombre, ubicacion = "Lobby", tipo = "mikrotik", host = "192.0.2.10", usuario = "api", password = "router-secret-1" });
        return body.GetProperty("id").GetInt64();
    }

    /// <summary>
    /// Issues a router key of <paramref name="alcance"/>: by default an integration key, which opens every router-key
    /// route (tests call seed 001, seed 002 and the UniFi API with it); tests of what a guest's page does pass portal.
    /// </summary>
    public async Task<(string KeyId, string ApiKey)> IssueApiKeyAsync(string token, long routerId, string alcance = Hotspot.Auth.KeyScopes.IntegrationName)
    {
        var body = await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/admin/routers/{routerId}/api-keys", token, new { alcance });
        return (body.GetProperty("id").GetString()!, body.GetProperty("api_key").GetString()!);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
