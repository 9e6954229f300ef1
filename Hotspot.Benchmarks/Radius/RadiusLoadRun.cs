using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.DevHost.Storage;
using Hotspot.Sales.Provisioning;
using Hotspot.Simulators.RouterOs;
using Hotspot.Simulators.RouterOs.Radius;
using Hotspot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Benchmarks.Radius;

/// <summary>
/// A RADIUS router under load, end to end on loopback: the RouterOS simulator's hotspot as the RADIUS client (UDP,
/// Message-Authenticator required as RouterOS 7.15+), the repository's FreeRADIUS with rlm_rest, the DevHost on Azurite.
/// Measures: Access-Request to Access-Accept one at a time and <c>concurrent</c> at once; payment approved (the
/// purchase provisioned) to the guest's Access-Accept, with the router round trips provisioning made; and accounting
/// Interim-Updates per second.
/// <c>dotnet run -c Release --project Hotspot.Benchmarks -- radius-load [concurrent]</c>
/// </summary>
public static class RadiusLoadRun
{
    private const string Admin = "root@bench.test";
    private const string AdminPassword = "bench-password-123";
    private const string RestSecret = "bench-rest-secret-0123456789";
    private const string UdpSecret = "bench-udp-secret-0123";
    private const int Sequential = 50;
    private const int InterimRounds = 5;

    public static async Task<int> RunAsync(int concurrent)
    {
        await using var azurite = await LocalAzurite.StartAsync();
        await using var host = await RunningDevHost.StartAsync(new Dictionary<string, string?>
        {
            ["Hotspot:Storage:ConnectionString"] = azurite.ConnectionString, ["Hotspot:Storage:TablePrefix"] = RunningDevHost.NewTablePrefix(),
            ["Hotspot:Auth:BcryptCost"] = "4", ["Hotspot:Bootstrap:AdminEmail"] = Admin, ["Hotspot:Bootstrap:AdminPassword"] = AdminPassword,
            ["JWT_SESSION_SECRET"] = "bench-session-secret-0123456789abcdef0123", ["JWT_APIKEY_SECRET"] = "bench-apikey-secret-0123456789abcdef0123",
            ["Hotspot:Radius:RestSecret"] = RestSecret, ["Logging:LogLevel:Default"] = "Warning",
        });
        using var http = new HttpClient { BaseAddress = host.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var (empresaId, routerId, nasIdentifier) = await SetUpAsync(http);
        await using var freeRadius = await RunningFreeRadius.StartAsync(host.Client.BaseAddress!, RestSecret, UdpSecret);
        await using var router = RouterOsSimulator.Start(new RouterOsSimulatorOptions
        {
            Version = "7.16.1 (stable)",
            Identity = nasIdentifier,
            Radius = new RadiusClientSettings
            {
                Address = IPAddress.Loopback, AuthenticationPort = freeRadius.AuthPort, AccountingPort = freeRadius.AcctPort, Secret = UdpSecret,
                Timeout = TimeSpan.FromSeconds(3),
            },
        });
        router.RefuseConnections(true);
        var provisioner = host.Services.GetRequiredService<IPurchaseProvisioner>();
        var credentials = host.Services.GetRequiredService<PurchaseCredentials>();
        var radius = router.Radius!;
        var device = 0;

        async Task<(TimeSpan PaidToAccept, int RoundTrips, bool Accepted)> BuyAndLogInAsync()
        {
            var (mac, ip) = JoinDevice(router, Interlocked.Increment(ref device));
            var order = new ProvisioningOrder(empresaId, routerId, "c" + Guid.NewGuid().ToString("N")[..12], PurchaseCredentials.NewUserName(), 3600, null,
                null, 1000, 4000, null, null, ConexionAutomatica: false);
            var paid = Stopwatch.GetTimestamp();
            var provisioned = await provisioner.ProvisionAsync(order, CancellationToken.None);
            var password = await credentials.PasswordAsync(order.CompraId, order.Usuario, CancellationToken.None);
            var outcome = await radius.LoginAsync(new RadiusCredential(order.Usuario, password), mac, ip, "http-pap", CancellationToken.None);
            return (Stopwatch.GetElapsedTime(paid), provisioned.RouterRoundTrips, outcome.Accepted);
        }

        async Task<(TimeSpan Login, bool Accepted)> TimedLoginAsync(RadiusCredential credential, string mac, string ip)
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await radius.LoginAsync(credential, mac, ip, "http-pap", CancellationToken.None);
            return (Stopwatch.GetElapsedTime(started), outcome.Accepted);
        }

        // Warm-up: the first request opens rlm_rest's pool and the DevHost's caches.
        await BuyAndLogInAsync();

        var purchases = new List<(TimeSpan PaidToAccept, int RoundTrips, bool Accepted)>();
        for (var i = 0; i < Sequential; i++)
        {
            purchases.Add(await BuyAndLogInAsync());
        }

        // One login at a time, and then all at once, of guests whose purchases exist: Access-Request to Access-Accept.
        var guests = await PrepareGuestsAsync(provisioner, credentials, router, empresaId, routerId, Sequential + concurrent, () => Interlocked.Increment(ref device));
        var single = new List<(TimeSpan Login, bool Accepted)>();
        foreach (var guest in guests.Take(Sequential))
        {
            single.Add(await TimedLoginAsync(guest.Credential, guest.Mac, guest.Ip));
        }

        var burstClock = Stopwatch.StartNew();
        var burst = await Task.WhenAll(guests.Skip(Sequential).Select(g => TimedLoginAsync(g.Credential, g.Mac, g.Ip)));
        burstClock.Stop();
        await radius.DrainAccountingAsync(CancellationToken.None);

        var updates = 0;
        var accountingClock = Stopwatch.StartNew();
        for (var round = 0; round < InterimRounds; round++)
        {
            router.Clock.Advance(TimeSpan.FromSeconds(60));
            updates += radius.SendInterimUpdates();
            await radius.DrainAccountingAsync(CancellationToken.None);
        }

        accountingClock.Stop();

        Console.WriteLine(FormattableString.Invariant(
            $"Access-Request to Access-Accept through FreeRADIUS, rlm_rest and the DevHost, one at a time ({Sequential}): {Percentiles(single.Select(s => s.Login))}; {single.Count(s => s.Accepted)} accepted"));
        Console.WriteLine(FormattableString.Invariant(
            $"{concurrent} concurrent logins: {Percentiles(burst.Select(b => b.Login))}, all in {burstClock.Elapsed.TotalMilliseconds:0} ms; {burst.Count(b => b.Accepted)} accepted"));
        Console.WriteLine(FormattableString.Invariant(
            $"Payment approved (provisioned) to Access-Accept ({Sequential}): {Percentiles(purchases.Select(p => p.PaidToAccept))}; router round trips: {purchases.Sum(p => p.RoundTrips)}; {purchases.Count(p => p.Accepted)} accepted"));
        Console.WriteLine(FormattableString.Invariant(
            $"Accounting: {updates} Interim-Updates ({InterimRounds} rounds over {updates / InterimRounds} sessions, each round sent at once) in {accountingClock.Elapsed.TotalSeconds:0.00} s = {updates / accountingClock.Elapsed.TotalSeconds:0} per second; resends {radius.Monitor.Resends}, timeouts {radius.Monitor.Timeouts}, bad replies {radius.Monitor.BadReplies}"));
        var allAccepted = single.All(s => s.Accepted) && burst.All(b => b.Accepted) && purchases.All(p => p.Accepted);
        return allAccepted && purchases.All(p => p.RoundTrips == 0) ? 0 : 1;
    }

    private sealed record Guest(RadiusCredential Credential, string Mac, string Ip);

    private static async Task<List<Guest>> PrepareGuestsAsync(
        IPurchaseProvisioner provisioner, PurchaseCredentials credentials, RouterOsSimulator router, long empresaId, long routerId, int count, Func<int> nextDevice)
    {
        var guests = new List<Guest>();
        for (var i = 0; i < count; i++)
        {
            var (mac, ip) = JoinDevice(router, nextDevice());
            var order = new ProvisioningOrder(empresaId, routerId, "c" + Guid.NewGuid().ToString("N")[..12], PurchaseCredentials.NewUserName(), 3600, null,
                null, null, null, null, null, ConexionAutomatica: false);
            await provisioner.ProvisionAsync(order, CancellationToken.None);
            guests.Add(new Guest(new RadiusCredential(order.Usuario, await credentials.PasswordAsync(order.CompraId, order.Usuario, CancellationToken.None)), mac, ip));
        }

        return guests;
    }

    /// <summary>Device number <paramref name="n"/> joins the hotspot network with a MAC and an address of its own.</summary>
    private static (string Mac, string Ip) JoinDevice(RouterOsSimulator router, int n)
    {
        var mac = string.Create(CultureInfo.InvariantCulture, $"02:00:00:{n >> 16 & 0xFF:X2}:{n >> 8 & 0xFF:X2}:{n & 0xFF:X2}");
        var ip = string.Create(CultureInfo.InvariantCulture, $"10.{n >> 16 & 0xFF}.{n >> 8 & 0xFF}.{n & 0xFF}");
        router.State.AddHost(mac, ip);
        return (mac, ip);
    }

    private static string Percentiles(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToList();
        return FormattableString.Invariant($"p50 {sorted[sorted.Count / 2]:0.0} ms, p95 {sorted[Math.Min(sorted.Count - 1, sorted.Count * 95 / 100)]:0.0} ms, max {sorted[^1]:0.0} ms");
    }

    private static async Task<(long EmpresaId, long RouterId, string NasIdentifier)> SetUpAsync(HttpClient http)
    {
        var token = (await PostAsync(http, "/api/v1/auth/login", null, new { email = Admin, password = AdminPassword })).GetProperty("access_token").GetString()!;
        var empresa = (await PostAsync(http, "/api/v1/admin/empresas", token, new { nombre = "Bench RADIUS" })).GetProperty("id").GetInt64();
        var router = await PostAsync(http, $"/api/v1/admin/empresas/{empresa}/routers", token, new { nombre = "Bench", tipo = "mikrotik", conexion = "radius" });
        return (empresa, router.GetProperty("id").GetInt64(), router.GetProperty("radius").GetProperty("nas_identifier").GetString()!);
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, string? token, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
    }
}
