using System.Text.Json;
using Hotspot.Simulators.RouterOs.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hotspot.Simulators.RouterOs;

/// <summary>
/// The RouterOS simulator's control port: HTTP JSON on loopback, for portal developers and tests that drive the
/// "network" around the router: devices joining and leaving, the clock, faults, and what the router was sent.
/// </summary>
public static class RouterOsControlPort
{
    public sealed record HostRequest(string? MacAddress, string? Address);

    public sealed record ClockRequest(double Seconds);

    public sealed record FaultsRequest(int? LatencyMs, int? JitterMs, bool? Silent, bool? DropMidReplyNext, string? FatalNext, bool? GarbageNext, bool? Refuse);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower };

    /// <param name="gateway">The hotspot gateway, when one runs: its device selection is offered under <c>/gateway</c>.</param>
    public static async Task<WebApplication> StartAsync(RouterOsSimulator simulator, int port, HotspotGateway? gateway = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();

        app.MapPost("/hosts", async (HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<HostRequest>(Json);
            if (body?.MacAddress is not { Length: > 0 } mac || body.Address is not { Length: > 0 } address
                || !System.Net.IPAddress.TryParse(address, out _) || !IsMac(mac))
            {
                return Results.BadRequest(new { error = "Send {\"mac-address\": \"AA:BB:CC:DD:EE:FF\", \"address\": \"10.5.50.7\"}." });
            }

            simulator.State.AddHost(mac, address);
            return Results.Ok(new { joined = mac.ToUpperInvariant(), address });
        });
        app.MapPost("/hosts/{mac}/quiet", (string mac) => Quiet(simulator, mac, true));
        app.MapDelete("/hosts/{mac}/quiet", (string mac) => Quiet(simulator, mac, false));
        app.MapDelete("/hosts/{mac}", (string mac) => simulator.State.RemoveHost(mac) ? Results.NoContent() : Results.NotFound(new { error = $"No host {mac}." }));
        app.MapPost("/clock/advance", async (HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<ClockRequest>(Json);
            if (body is null || body.Seconds <= 0 || body.Seconds > 10 * 365 * 86400)
            {
                return Results.BadRequest(new { error = "Send {\"seconds\": N} with N > 0." });
            }

            simulator.Clock.Advance(TimeSpan.FromSeconds(body.Seconds));
            simulator.State.Refresh();
            return Results.Ok(new { now = simulator.Clock.Now });
        });
        app.MapGet("/state", () => Results.Json(simulator.State.Snapshot()));
        app.MapGet("/sentences", () => Results.Json(simulator.Sentences.All()));
        app.MapPost("/faults", async (HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<FaultsRequest>(Json) ?? new FaultsRequest(null, null, null, null, null, null, null);
            var faults = simulator.Faults;
            faults.LatencyMs = body.LatencyMs ?? faults.LatencyMs;
            faults.JitterMs = body.JitterMs ?? faults.JitterMs;
            faults.Silent = body.Silent ?? faults.Silent;
            faults.DropMidReplyNext = body.DropMidReplyNext ?? faults.DropMidReplyNext;
            faults.FatalNext = body.FatalNext ?? faults.FatalNext;
            faults.GarbageNext = body.GarbageNext ?? faults.GarbageNext;
            if (body.Refuse is { } refuse)
            {
                simulator.RefuseConnections(refuse);
            }

            return Results.Ok(new { faults.LatencyMs, faults.JitterMs, faults.Silent, faults.DropMidReplyNext, faults.FatalNext, faults.GarbageNext });
        });

        if (gateway is not null)
        {
            MapGateway(app, gateway);
        }

        if (simulator.Radius is { } radius)
        {
            app.MapGet("/radius", () => Results.Json(new { radius.Monitor.Requests, radius.Monitor.Accepts, radius.Monitor.Rejects, radius.Monitor.Resends, radius.Monitor.Timeouts, radius.Monitor.BadReplies }, Json));
            app.MapPost("/radius/interim", () => Results.Json(new { sent = radius.SendInterimUpdates() }, Json));
        }

        await app.StartAsync();
        return app;
    }

    private static void MapGateway(WebApplication app, HotspotGateway gateway)
    {
        app.MapGet("/gateway", () => Results.Json(new { url = gateway.Url, defaultDevice = gateway.DefaultDevice }, Json));
        app.MapPut("/gateway/device", async (HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<HostRequest>(Json);
            if (body?.MacAddress is not { Length: > 0 } mac || body.Address is not { Length: > 0 } address
                || !System.Net.IPAddress.TryParse(address, out _) || WrittenValues.Mac(mac) is null)
            {
                return Results.BadRequest(new { error = "Send {\"mac-address\": \"AA:BB:CC:DD:EE:FF\", \"address\": \"10.5.50.7\"}." });
            }

            return Results.Json(gateway.SelectDevice(mac, address), Json);
        });
        app.MapDelete("/gateway/device", () =>
        {
            gateway.ClearDefaultDevice();
            return Results.NoContent();
        });
    }

    private static IResult Quiet(RouterOsSimulator simulator, string mac, bool quiet)
    {
        if (!IsMac(mac))
        {
            return Results.BadRequest(new { error = "Send a MAC such as AA:BB:CC:DD:EE:FF." });
        }

        simulator.State.SetQuiet(mac, quiet);
        return Results.Ok(new { quiet = mac.ToUpperInvariant(), since = quiet ? simulator.Clock.Now : (DateTimeOffset?)null });
    }

    private static bool IsMac(string text) =>
        text.Length == 17 && text.Where((c, i) => i % 3 == 2 ? c is not (':' or '-') : !char.IsAsciiHexDigit(c)).Any() is false;
}
