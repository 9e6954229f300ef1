using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hotspot.Http;
using Hotspot.Sales.Provisioning;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Hardening;

/// <summary>
/// Every route of the route table, sent what a careless client or an attacker sends: malformed JSON, wrong types,
/// invalid UTF-8 and lone surrogates, bodies over 64 KiB in every framing, broken forms, stalled and broken bodies,
/// a client hanging up mid-body; then bursts of parallel creates. No answer is a 5xx (except a 503 with Retry-After for
/// a genuinely contended store), none outlasts the route's budget, no client's mistake is logged as an error, and a
/// failed request writes nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileInputTests(AzuriteFixture azurite)
{
    /// <summary>A generous bound for any single answer; enforced by cancelling the request, not by timing it.</summary>
    private static readonly TimeSpan RouteBudget = TimeSpan.FromSeconds(30);

    private const string NoSuchRouter = "999999";

    /// <summary>
    /// Where each route gets its hostile input: with the credential it expects, at ids that exist when the route reads
    /// a body, and at ids that do not when it would act on a request whose body it ignores (so that nothing may be written).
    /// A route added to the table without an entry here fails <see cref="Every_route_has_an_entry"/>.
    /// </summary>
    private static Dictionary<string, (Caller Caller, string Path)> Targets(HostileWorld w)
    {
        const string admin = "/api/v1/admin";
        var guest = $"/guest/s/default?router={w.RouterId}&id=aa:bb:cc:dd:ee:01&ap=aa:bb:cc:dd:ee:ff&url=http%3A%2F%2Fexample.com%2F&ssid=Hotel";
        return new Dictionary<string, (Caller, string)>
        {
            [RouteTable.Health.Name] = (Caller.None, "/api/health"),
            [RouteTable.Login.Name] = (Caller.None, "/api/v1/auth/login"),
            [RouteTable.Logout.Name] = (Caller.Root, "/api/v1/auth/logout"),
            [RouteTable.ChangePassword.Name] = (Caller.Cliente, "/api/v1/auth/change-password"),
            [RouteTable.CreateEmpresa.Name] = (Caller.Root, $"{admin}/empresas"),
            [RouteTable.ListEmpresas.Name] = (Caller.Root, $"{admin}/empresas"),
            [RouteTable.GetEmpresa.Name] = (Caller.Root, $"{admin}/empresas/{w.EmpresaId}"),
            [RouteTable.UpdateEmpresa.Name] = (Caller.Root, $"{admin}/empresas/{w.EmpresaId}"),
            [RouteTable.GetMiEmpresa.Name] = (Caller.Cliente, $"{admin}/mi-empresa"),
            [RouteTable.UpdateMiEmpresa.Name] = (Caller.Cliente, $"{admin}/mi-empresa"),
            [RouteTable.CreateUsuario.Name] = (Caller.Root, $"{admin}/usuarios"),
            [RouteTable.ListUsuarios.Name] = (Caller.Root, $"{admin}/usuarios"),
            [RouteTable.GetUsuario.Name] = (Caller.Root, $"{admin}/usuarios/{w.ClienteId}"),
            [RouteTable.UpdateUsuario.Name] = (Caller.Root, $"{admin}/usuarios/{w.ClienteId}"),
            [RouteTable.CreateRouter.Name] = (Caller.Root, $"{admin}/empresas/{w.EmpresaId}/routers"),
            [RouteTable.ListRouters.Name] = (Caller.Root, $"{admin}/empresas/{w.EmpresaId}/routers"),
            [RouteTable.GetRouter.Name] = (Caller.Root, $"{admin}/routers/{w.RouterId}"),
            [RouteTable.UpdateRouter.Name] = (Caller.Root, $"{admin}/routers/{w.RouterId}"),
            [RouteTable.RegenerateRadiusToken.Name] = (Caller.Root, $"{admin}/routers/{NoSuchRouter}/radius/regenerate"),
            [RouteTable.RadiusAuthorize.Name] = (Caller.RadiusSecret, "/api/v1/radius/authorize"),
            [RouteTable.RadiusAccounting.Name] = (Caller.RadiusSecret, "/api/v1/radius/accounting"),
            [RouteTable.DeleteRouter.Name] = (Caller.Root, $"{admin}/routers/{NoSuchRouter}"),
            [RouteTable.GetMarcaEmpresa.Name] = (Caller.Cliente, $"{admin}/empresas/{w.EmpresaId}/marca"),
            [RouteTable.PutMarcaEmpresa.Name] = (Caller.Cliente, $"{admin}/empresas/{w.EmpresaId}/marca"),
            [RouteTable.GetMarcaRouter.Name] = (Caller.Root, $"{admin}/routers/{w.RouterId}/marca"),
            [RouteTable.PutMarcaRouter.Name] = (Caller.Root, $"{admin}/routers/{w.RouterId}/marca"),
            [RouteTable.DeleteMarcaRouter.Name] = (Caller.Root, $"{admin}/routers/{NoSuchRouter}/marca"),
            [RouteTable.PutMarcaEmpresaLogo.Name] = (Caller.Cliente, $"{admin}/empresas/{w.EmpresaId}/marca/logo"),
            [RouteTable.DeleteMarcaEmpresaLogo.Name] = (Caller.Cliente, $"{admin}/empresas/{w.EmpresaId}/marca/logo"),
            [RouteTable.PutMarcaRouterLogo.Name] = (Caller.Root, $"{admin}/routers/{w.RouterId}/marca/logo"),
            [RouteTable.DeleteMarcaRouterLogo.Name] = (Caller.Root, $"{admin}/routers/{NoSuchRouter}/marca/logo"),
            [RouteTable.MarcaLogo.Name] = (Caller.None, $"/api/v1/marcas/{w.EmpresaId}/logos/{new string('0', 64)}"),
            [RouteTable.ConsoleFiles.Name] = (Caller.None, "/console/index.html"),
            [RouteTable.TestRouterConnection.Name] = (Caller.Root, $"{admin}/routers/{NoSuchRouter}/test-connection"),
            [RouteTable.IssueApiKey.Name] = (Caller.Root, $"{admin}/routers/{NoSuchRouter}/api-keys"),
            [RouteTable.ListApiKeys.Name] = (Caller.Root, $"{admin}/routers/{w.RouterId}/api-keys"),
            [RouteTable.RegenerateApiKey.Name] = (Caller.Root, $"{admin}/routers/{NoSuchRouter}/api-keys/regenerate"),
            [RouteTable.GetApiKey.Name] = (Caller.Root, $"{admin}/routers/{w.RouterId}/api-keys/{w.KeyId}"),
            [RouteTable.RevokeApiKey.Name] = (Caller.Root, $"{admin}/routers/{w.RouterId}/api-keys/no-such-key"),
            [RouteTable.ListAudit.Name] = (Caller.Root, $"{admin}/audit"),
            [RouteTable.SweepRouter.Name] = (Caller.Root, $"{admin}/routers/{NoSuchRouter}/sweep"),
            [RouteTable.AutoReconnect.Name] = (Caller.RouterKey, "/api/v1/hotspot/auto-reconnect"),
            [RouteTable.RouterKeyInfo.Name] = (Caller.RouterKey, "/api/v1/hotspot/router"),
            [RouteTable.UnifiAuthorize.Name] = (Caller.RouterKey, "/api/v1/unifi/authorize"),
            [RouteTable.UnifiClient.Name] = (Caller.RouterKey, "/api/v1/unifi/clients/aa:bb:cc:dd:ee:01"),
            [RouteTable.UnifiUnauthorize.Name] = (Caller.RouterKey, "/api/v1/unifi/unauthorize"),
            [RouteTable.UnifiGuestPortal.Name] = (Caller.None, guest),
            [RouteTable.UnifiGuestPortalAccept.Name] = (Caller.None, guest),
            [RouteTable.PortalLogin.Name] = (Caller.RouterKey, "/api/v1/portal_login"),
            [RouteTable.GetPortalLogin.Name] = (Caller.RouterKey, "/api/v1/portal_login/999999"),
            [RouteTable.EndPortalLogin.Name] = (Caller.RouterKey, "/api/v1/portal_login/999999"),
            [RouteTable.ActionApi.Name] = (Caller.RouterKey, "/api/"),
            [RouteTable.OpenApiDocument.Name] = (Caller.None, "/api/openapi.json"),
            [RouteTable.CreateProducto.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/productos"),
            [RouteTable.ListProductos.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/productos"),
            [RouteTable.GetProducto.Name] = (Caller.Cliente, $"{admin}/productos/{w.RouterId}-ZZZZZZ"),
            [RouteTable.UpdateProducto.Name] = (Caller.Cliente, $"{admin}/productos/{w.RouterId}-ZZZZZZ"),
            [RouteTable.DeactivateProducto.Name] = (Caller.Cliente, $"{admin}/productos/{w.RouterId}-ZZZZZZ"),
            [RouteTable.ListPerfilesMikrotik.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/perfiles-mikrotik"),
            [RouteTable.PortalConfigJs.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/portal/config.js"),
            [RouteTable.PortalWalledGarden.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/portal/walled-garden"),
            [RouteTable.PortalRadiusSetup.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/portal/radius-setup"),
            [RouteTable.PublicConfig.Name] = (Caller.RouterKey, "/api/v1/config/public"),
            [RouteTable.CatalogoVenta.Name] = (Caller.RouterKey, "/api/v1/catalogo_perfiles_venta"),
            [RouteTable.CatalogoVentaItem.Name] = (Caller.RouterKey, "/api/v1/catalogo_perfiles_venta/no-such-product"),
            [RouteTable.CreateCompra.Name] = (Caller.RouterKey, "/api/v1/compras"),
            [RouteTable.GetCompra.Name] = (Caller.RouterKey, $"/api/v1/compras/{w.EmpresaId}-000000000222222"),
            [RouteTable.AbandonarCompra.Name] = (Caller.RouterKey, $"/api/v1/compras/{w.EmpresaId}-000000000222222/abandonar"),
            [RouteTable.CompraRetorno.Name] = (Caller.None, $"/api/v1/compras/{w.EmpresaId}-000000000222222/retorno?t=tq_x"),
            [RouteTable.PaymentWebhook.Name] = (Caller.None, $"/api/v1/webhooks/stripe/{w.EmpresaId}"),
            [RouteTable.ConfigurePagos.Name] = (Caller.Cliente, $"{admin}/empresas/{w.EmpresaId}/pagos/stripe"),
            [RouteTable.RefundCompra.Name] = (Caller.Cliente, $"{admin}/compras/{w.EmpresaId}-000000000222222/reembolso"),
            [RouteTable.ListCompras.Name] = (Caller.Cliente, $"{admin}/compras?estado=provisionada&desde=2026-01-01"),
            [RouteTable.GetCompraAdmin.Name] = (Caller.Cliente, $"{admin}/compras/{w.EmpresaId}-000000000333333"),
            [RouteTable.VentasCsv.Name] = (Caller.Cliente, $"{admin}/ventas.csv?hasta=2026-12-31"),
            [RouteTable.VentasResumen.Name] = (Caller.Cliente, $"{admin}/ventas/resumen?agrupar=producto"),
            [RouteTable.CreateLoteFichas.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/lotes-fichas"),
            [RouteTable.ListLotesFichas.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/lotes-fichas"),
            [RouteTable.GetLoteFichas.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/lotes-fichas/999999"),
            [RouteTable.ListFichasLote.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/lotes-fichas/999999/fichas"),
            [RouteTable.MarcarLoteImpreso.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/lotes-fichas/999999/impreso"),
            [RouteTable.VenderFicha.Name] = (Caller.Cliente, $"{admin}/routers/{w.RouterId}/lotes-fichas/999999/fichas/NOEXISTE/vender"),
            [RouteTable.CorteCaja.Name] = (Caller.Cliente, $"{admin}/ventas-mostrador/corte?desde=2026-01-01"),
        };
    }

    private sealed record Hostile(string Name, Func<HttpContent> Body, bool Chunked = false, HttpStatusCode? Expected = null);

    private static readonly string Oversized = "{\"nombre\":\"" + new string('x', 70 * 1024) + "\"}";

    private static IReadOnlyList<Hostile> Bodies() =>
    [
        new("malformed JSON", () => Json("{\"nombre\": ")),
        new("a JSON array", () => Json("[1,2,")),
        new("wrong types", () => Json("""
            {"nombre":[1],"email":{"a":1},"password":5,"data":7,"tipo":true,"activo":"si","puerto":"x","username":[],"mac":9,
             "current_password":[],"new_password":{},"rol":1,"empresa_id":"uno","base_url":1,"minutes":"diez","action":[],"api_acciones":"on"}
            """)),
        new("invalid UTF-8 in strings", () => Bytes(
            [.. "{\"nombre\":\""u8, 0xC3, 0x28, .. "\",\"email\":\"a"u8, 0xFF, .. "@x.test\",\"data\":\""u8, 0xFE, .. "\",\"action\":\"get_logins\",\"username\":\""u8, 0xC0, .. "\"}"u8],
            "application/json")),
        new("lone surrogates", () => Json("""
            {"nombre":"\ud800","email":"\udfff@x.test","password":"\ud800\ud800","data":"{\"uid\":\"\\ud800\",\"mac\":\"aa:bb:cc:dd:ee:01\",\"ap_mac\":\"aa:bb:cc:dd:ee:ff\",\"ip\":\"10.0.0.2\"}",
             "action":"create_voucher","username":"\udc00","current_password":"\ud800","new_password":"\ud800-0123456789"}
            """)),
        new("over 64 KiB with Content-Length", () => Json(Oversized), Expected: HttpStatusCode.RequestEntityTooLarge),
        new("over 64 KiB chunked", () => Json(Oversized), Chunked: true, Expected: HttpStatusCode.RequestEntityTooLarge),
        new("over 64 KiB as a chunked form", () => Form("relleno=" + new string('x', 70 * 1024)), Chunked: true, Expected: HttpStatusCode.RequestEntityTooLarge),
        new("over 64 KiB as multipart", () => Multipart(new string('x', 70 * 1024)), Expected: HttpStatusCode.RequestEntityTooLarge),
        new("over 64 KiB as chunked multipart", () => Multipart(new string('x', 70 * 1024)), Chunked: true, Expected: HttpStatusCode.RequestEntityTooLarge),
        new("too many form fields", () => Form(string.Join('&', Enumerable.Range(0, 3000).Select(i => $"f{i}=1")))),
        new("an over-long form key", () => Form(new string('k', 5000) + "=1&action=get_logins")),
        new("malformed multipart", () => Bytes("--xyz\r\nContent-Disposition: form-data\r\n\r\nno end"u8.ToArray(), "multipart/form-data; boundary=xyz")),
        new("a multipart part without headers' end", () => Bytes(Encoding.ASCII.GetBytes("--xyz\r\n" + new string('h', 4000)), "multipart/form-data; boundary=xyz")),
    ];

    [Fact]
    public async Task Every_route_has_an_entry()
    {
        await using var world = await HostileWorld.StartAsync(azurite);
        Assert.Equal(RouteTable.All.Select(r => r.Name).Order(), Targets(world).Keys.Order());
    }

    [Fact]
    public async Task No_route_answers_a_hostile_request_with_a_5xx_an_error_log_or_a_write()
    {
        await using var world = await HostileWorld.StartAsync(azurite);
        var targets = Targets(world);
        Assert.Equal(RouteTable.All.Select(r => r.Name).Order(), targets.Keys.Order());
        // The key's last use is written once a minute: let that happen before the tables are compared.
        using (var warm = new HttpRequestMessage(HttpMethod.Get, "/api/v1/hotspot/router"))
        {
            world.Authorize(warm, Caller.RouterKey);
            (await world.Host.Host.Client.SendAsync(warm)).Dispose();
        }

        // The purchase credential key is chosen once per store, on its first use, by whichever request needs it first.
        await world.Host.Host.Services.GetRequiredService<PurchaseCredentialKey>().GetAsync(default);

        var before = await TableScan.AllValuesAsync(world.Host.Host.Services);
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        var calls = RouteTable.All.SelectMany(route => route.Verbs.Select(verb => (route, verb))).ToList();

        // A client hanging up mid-body; then bodies that stall (their 408s take a few seconds, long enough for the
        // hung-up requests to have been handled and logged, if they were).
        await Task.WhenAll(calls.Select(call => HangUpAsync(world, targets[call.route.Name], call.verb)));
        var stalled = Task.WhenAll(calls.Select(call => RawAsync(world, targets[call.route.Name], call, "a stalled body", problems,
            "Content-Type: application/json\r\nContent-Length: 1000", "{\"nombre\":"u8.ToArray(), HttpStatusCode.RequestTimeout)));
        var brokenChunks = Task.WhenAll(calls.Select(call => RawAsync(world, targets[call.route.Name], call, "bad chunk framing", problems,
            "Content-Type: application/json\r\nTransfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n"u8.ToArray(), HttpStatusCode.BadRequest)));

        using var gate = new SemaphoreSlim(8);
        var sent = calls
            .SelectMany(call => Bodies().Select(hostile => SendAsync(world, gate, targets[call.route.Name], call, hostile, problems)))
            .Concat(RouteTable.All.Where(r => r.Verbs.Contains("GET")).Select(route => HeadAsync(world, gate, route, targets[route.Name], problems)));
        await Task.WhenAll(sent);
        await Task.WhenAll(stalled, brokenChunks);

        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order().Concat(world.ErrorLines())));
        Assert.Empty(world.ErrorLines());
        Assert.Equal(before, await TableScan.AllValuesAsync(world.Host.Host.Services));
    }

    [Fact]
    public async Task Bursts_of_parallel_creates_succeed_or_ask_to_retry_and_log_no_error()
    {
        await using var world = await HostileWorld.StartAsync(azurite);
        var bursts = new (string Route, int Count, Func<int, object?> Body, string Path)[]
        {
            (RouteTable.CreateEmpresa.Name, 100, i => new { nombre = $"Ráfaga {i}" }, "/api/v1/admin/empresas"),
            (RouteTable.CreateUsuario.Name, 40, i => new { email = $"r{i}@rafaga.test", password = "password-123", nombre = $"R {i}", rol = "super_admin" }, "/api/v1/admin/usuarios"),
            (RouteTable.CreateRouter.Name, 40, i => new { nombre = $"R{i}", tipo = "mikrotik", host = "192.0.2.10", usuario = "api", password = "secret-123" },
                $"/api/v1/admin/empresas/{world.EmpresaId}/routers"),
            (RouteTable.IssueApiKey.Name, 40, _ => null, $"/api/v1/admin/routers/{world.RouterId}/api-keys"),
        };

        var answers = await Task.WhenAll(bursts.SelectMany(burst => Enumerable.Range(0, burst.Count).Select(async i =>
        {
            using var budget = new CancellationTokenSource(RouteBudget);
            using var request = new HttpRequestMessage(HttpMethod.Post, burst.Path);
            world.Authorize(request, Caller.Root);
            if (burst.Body(i) is { } body)
            {
                request.Content = System.Net.Http.Json.JsonContent.Create(body);
            }

            using var response = await world.Host.Host.Client.SendAsync(request, budget.Token);
            var retryable = response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null;
            return (burst.Route, response.StatusCode, Ok: response.StatusCode == HttpStatusCode.Created || retryable);
        })));

        var wrong = answers.Where(a => !a.Ok).Select(a => $"{a.Route}: {(int)a.StatusCode}").ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong));
        Assert.Empty(world.ErrorLines());
    }

    private static async Task SendAsync(
        HostileWorld world, SemaphoreSlim gate, (Caller Caller, string Path) target, (HotspotRoute Route, string Verb) call, Hostile hostile,
        System.Collections.Concurrent.ConcurrentBag<string> problems)
    {
        await gate.WaitAsync();
        try
        {
            using var budget = new CancellationTokenSource(RouteBudget);
            using var request = new HttpRequestMessage(new HttpMethod(call.Verb), target.Path) { Content = hostile.Body() };
            world.Authorize(request, target.Caller);
            if (hostile.Chunked)
            {
                request.Headers.TransferEncodingChunked = true;
                request.Content.Headers.ContentLength = null;
            }

            using var response = await world.Host.Host.Client.SendAsync(request, budget.Token);
            Check(problems, call, hostile.Name, (int)response.StatusCode, hostile.Expected);
        }
        catch (OperationCanceledException)
        {
            problems.Add($"{call.Verb} {call.Route.Name} ({hostile.Name}): no answer within {RouteBudget.TotalSeconds} s");
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task HeadAsync(
        HostileWorld world, SemaphoreSlim gate, HotspotRoute route, (Caller Caller, string Path) target, System.Collections.Concurrent.ConcurrentBag<string> problems)
    {
        await gate.WaitAsync();
        try
        {
            using var budget = new CancellationTokenSource(RouteBudget);
            using var request = new HttpRequestMessage(HttpMethod.Head, target.Path);
            world.Authorize(request, target.Caller);
            using var response = await world.Host.Host.Client.SendAsync(request, budget.Token);
            Check(problems, (route, "HEAD"), "HEAD as GET", (int)response.StatusCode, null);
            if (response.StatusCode == HttpStatusCode.MethodNotAllowed)
            {
                problems.Add($"HEAD {route.Name}: 405, although the route answers GET");
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task RawAsync(
        HostileWorld world, (Caller Caller, string Path) target, (HotspotRoute Route, string Verb) call, string name,
        System.Collections.Concurrent.ConcurrentBag<string> problems, string headers, byte[] body, HttpStatusCode expected)
    {
        using var budget = new CancellationTokenSource(RouteBudget);
        try
        {
            var status = await RawHttp.SendAsync(world.BaseAddress, $"{call.Verb} {target.Path} HTTP/1.1\r\n{headers}{world.HeaderLines(target.Caller)}", body, budget.Token);
            Check(problems, call, name, status ?? 0, expected);
        }
        catch (OperationCanceledException)
        {
            problems.Add($"{call.Verb} {call.Route.Name} ({name}): no answer within {RouteBudget.TotalSeconds} s");
        }
    }

    private static async Task HangUpAsync(HostileWorld world, (Caller Caller, string Path) target, string verb)
    {
        using var budget = new CancellationTokenSource(RouteBudget);
        await RawHttp.HangUpMidBodyAsync(
            world.BaseAddress, $"{verb} {target.Path} HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 1000{world.HeaderLines(target.Caller)}",
            "{\"nombre\":"u8.ToArray(), budget.Token);
    }

    private static void Check(System.Collections.Concurrent.ConcurrentBag<string> problems, (HotspotRoute Route, string Verb) call, string name, int status, HttpStatusCode? expected)
    {
        if (status is >= 500 or 0 || (expected is not null && status != (int)expected))
        {
            problems.Add($"{call.Verb} {call.Route.Name} ({name}): {status}{(expected is null ? "" : $", expected {(int)expected}")}");
        }
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static StringContent Form(string text) => new(text, Encoding.ASCII, "application/x-www-form-urlencoded");

    private static MultipartFormDataContent Multipart(string filler) => new() { { new StringContent("get_logins"), "action" }, { new StringContent(filler), "relleno" } };
}
