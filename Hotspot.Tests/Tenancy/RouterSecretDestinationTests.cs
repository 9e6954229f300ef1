using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

/// <summary>
/// A router's stored password or UniFi API key is only ever sent where it was entered: changing the destination
/// (host, port, TLS, pin, base URL) needs the secret again, plain-HTTP UniFi URLs are refused unless a lab setting
/// allows them (never with a pin), and a cliente_admin's connection test says what to fix without working as a port scanner.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RouterSecretDestinationTests(AzuriteFixture azurite)
{
    private const string UnifiUrl = "https://unifi.example.test/proxy/network/integration";

    [Fact]
    public async Task Moving_a_MikroTik_router_without_its_password_is_refused_naming_the_password()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var path = $"/api/v1/admin/routers/{a.RouterId}";
        var before = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, path, a.AdminToken);

        foreach (var change in new object[] { new { host = "127.0.0.1" }, new { puerto = 9999 }, new { tls = true }, new { certificado_sha256 = new string('a', 64) } })
        {
            var refused = await world.Host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Patch, path, a.AdminToken, change);
            Assert.True(refused.GetProperty("errors").TryGetProperty("password", out _), refused.GetRawText());
        }

        var masked = await world.Host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Patch, path, world.RootToken, new { host = "127.0.0.1", password = "********" });
        Assert.True(masked.GetProperty("errors").TryGetProperty("password", out _), masked.GetRawText());
        Assert.Equal(before.GetRawText(), (await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, path, a.AdminToken)).GetRawText());

        var moved = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, path, a.AdminToken, new { host = "198.51.100.7", puerto = 8730, password = "typed-again-1" });
        Assert.Equal("198.51.100.7", moved.GetProperty("host").GetString());
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, path, a.AdminToken, new { host = "198.51.100.7", activo = false });
    }

    [Fact]
    public async Task Moving_a_UniFi_router_without_its_API_key_is_refused_and_plain_http_is_refused_by_default()
    {
        await using var host = await TenancyHost.StartAsync(azurite);
        var root = await host.LoginRootAsync();
        var routers = $"/api/v1/admin/empresas/{await host.CreateEmpresaAsync(root, "Hotel")}/routers";
        var created = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, routers, root,
            new { nombre = "U", tipo = "unifi", base_url = UnifiUrl, site = "default", api_key = "unifi-key-1" });
        var path = $"/api/v1/admin/routers/{created.GetProperty("id")}";

        var moved = await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Patch, path, root, new { base_url = "https://elsewhere.example.test/proxy/network/integration" });
        var unpinned = await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Patch, path, root, new { certificado_sha256 = new string('b', 64) });
        var plainPatch = await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Patch, path, root,
            new { base_url = "http://unifi.example.test/proxy/network/integration", api_key = "unifi-key-1" });
        var plainCreate = await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, routers, root,
            new { nombre = "U2", tipo = "unifi", base_url = "http://unifi.example.test/proxy/network/integration", site = "default", api_key = "k" });

        Assert.True(moved.GetProperty("errors").TryGetProperty("api_key", out _), moved.GetRawText());
        Assert.True(unpinned.GetProperty("errors").TryGetProperty("api_key", out _), unpinned.GetRawText());
        Assert.True(plainPatch.GetProperty("errors").TryGetProperty("base_url", out _), plainPatch.GetRawText());
        Assert.True(plainCreate.GetProperty("errors").TryGetProperty("base_url", out _), plainCreate.GetRawText());
        Assert.Equal(UnifiUrl, (await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, path, root)).GetProperty("base_url").GetString());
    }

    [Fact]
    public async Task A_lab_setting_allows_plain_http_for_UniFi_but_never_with_a_pin()
    {
        await using var host = await TenancyHost.StartAsync(azurite, new Dictionary<string, string?> { ["Hotspot:Unifi:AllowPlainHttp"] = "true" });
        var root = await host.LoginRootAsync();
        var routers = $"/api/v1/admin/empresas/{await host.CreateEmpresaAsync(root, "Lab")}/routers";
        const string Plain = "http://unifi.lab.test/proxy/network/integration";

        await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, routers, root, new { nombre = "U", tipo = "unifi", base_url = Plain, site = "default", api_key = "k" });
        var pinned = await host.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, routers, root,
            new { nombre = "U2", tipo = "unifi", base_url = Plain, site = "default", api_key = "k", certificado_sha256 = new string('c', 64) });

        Assert.True(pinned.GetProperty("errors").TryGetProperty("certificado_sha256", out _), pinned.GetRawText());
    }

    [Fact]
    public async Task A_cliente_admin_sees_one_answer_for_a_closed_port_and_a_foreign_service_while_a_super_admin_sees_the_detail()
    {
        await using var world = await SecurityWorld.CreateAsync(azurite);
        var a = world.A;
        var path = $"/api/v1/admin/routers/{a.RouterId}";
        using var foreign = ForeignService.Start();
        var closedPort = ClosedPort();

        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, path, a.AdminToken, new { host = "127.0.0.1", puerto = closedPort, password = "typed-again-2" });
        var closed = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, path + "/test-connection", a.AdminToken);
        await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, path, a.AdminToken, new { puerto = foreign.Port, password = "typed-again-2" });
        var service = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, path + "/test-connection", a.AdminToken);
        var operatorView = await world.Host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, path + "/test-connection", world.RootToken);

        Assert.False(closed.GetProperty("ok").GetBoolean());
        Assert.Equal(Without(closed, "ok"), Without(service, "ok"));
        Assert.Equal(JsonValueKind.Null, service.GetProperty("detalle").ValueKind);
        Assert.False(string.IsNullOrEmpty(service.GetProperty("mensaje").GetString()));
        Assert.False(string.IsNullOrEmpty(operatorView.GetProperty("detalle").GetString()));
    }

    private static string Without(JsonElement element, string property) =>
        string.Join(",", element.EnumerateObject().Where(p => p.Name != property).Select(p => p.ToString()));

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Something that is not a router listening on loopback: it answers every connection with an HTTP error and hangs up.</summary>
    private sealed class ForeignService : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        private ForeignService()
        {
            _listener.Start();
            _ = ServeAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static ForeignService Start() => new();

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task ServeAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    var stream = client.GetStream();
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
            {
                // Stopped.
            }
        }
    }
}
