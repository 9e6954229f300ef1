using System.Text.Json;
using Hotspot.Drivers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hotspot.Simulators.Unifi;

/// <summary>
/// The control port (plain HTTP, loopback): devices join and leave, the clock moves, faults are set, state is read.
/// Errors are RFC 9457 problem details.
/// </summary>
internal static class UnifiControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, UnifiState state, UnifiFaults faults)
    {
        app.MapPost("/clients", async (HttpRequest request) =>
        {
            var body = await ReadAsync<JoinRequest>(request);
            if (body is null || !MacAddress.TryParse(body.Mac, out var mac))
            {
                return Results.Problem("'mac' is required: six hex pairs such as aa:bb:cc:dd:ee:ff.", statusCode: 400);
            }

            if (body.Type is not (null or "WIRED" or "WIRELESS"))
            {
                return Results.Problem("'type' is WIRED or WIRELESS.", statusCode: 400);
            }

            var site = body.Site ?? state.DefaultSite;
            var id = state.Join(mac, site, body.Type == "WIRED", body.Guest ?? true, body.Name);
            return Results.Json(new { id, mac = mac.ToString(), site }, statusCode: 201);
        });
        app.MapDelete("/clients/{mac}", (string mac) =>
            MacAddress.TryParse(mac, out var parsed) && state.Leave(parsed) ? Results.NoContent() : Results.NotFound());
        app.MapPost("/clients/{mac}/usage", async (HttpRequest request, string mac) =>
        {
            var body = await ReadAsync<UsageRequest>(request);
            return body is { RxBytes: >= 0, TxBytes: >= 0 } && MacAddress.TryParse(mac, out var parsed) && state.AddUsage(parsed, body.RxBytes, body.TxBytes)
                ? Results.NoContent()
                : Results.Problem("A connected client's MAC and non-negative 'rxBytes' and 'txBytes' are required.", statusCode: 400);
        });
        app.MapPost("/clock/advance", async (HttpRequest request) =>
        {
            var body = await ReadAsync<AdvanceRequest>(request);
            if (body is not { Seconds: > 0 })
            {
                return Results.Problem("'seconds' above 0 is required.", statusCode: 400);
            }

            state.Clock.Advance(TimeSpan.FromSeconds(body.Seconds));
            return Results.Json(new { now = state.Clock.GetUtcNow() });
        });
        app.MapGet("/state", () => Results.Json(state.Snapshot()));
        app.MapGet("/faults", () => Results.Json(faults.List()));
        app.MapPost("/faults", async (HttpRequest request) =>
        {
            var fault = await ReadAsync<UnifiFault>(request);
            var problem = fault is null ? "A fault object with a 'mode' is required." : fault.Problem();
            if (fault is null || problem is not null)
            {
                return Results.Problem(problem, statusCode: 400);
            }

            faults.Add(fault);
            return Results.Json(fault, statusCode: 201);
        });
        app.MapDelete("/faults", () =>
        {
            faults.Clear();
            return Results.NoContent();
        });
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request) where T : class
    {
        try
        {
            return await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private sealed record JoinRequest(string? Mac, string? Site, string? Type, bool? Guest, string? Name);

    private sealed record UsageRequest(long RxBytes, long TxBytes);

    private sealed record AdvanceRequest(double Seconds);
}
