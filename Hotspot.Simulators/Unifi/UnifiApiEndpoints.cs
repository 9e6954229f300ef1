using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hotspot.Simulators.Unifi;

/// <summary>The Integration API paths the portal flow uses, under <see cref="Prefix"/> as on a UniFi OS console.</summary>
internal static class UnifiApiEndpoints
{
    public const string Prefix = "/proxy/network/integration";
    public const string ApplicationVersion = "9.1.105-sim";

    private static readonly Dictionary<string, bool> SiteFilters = new(StringComparer.Ordinal)
    {
        ["id"] = false, ["internalReference"] = false, ["name"] = false,
    };

    // Values are flags: compare case-insensitively (MACs and enum names).
    private static readonly Dictionary<string, bool> ClientFilters = new(StringComparer.Ordinal)
    {
        ["id"] = false, ["type"] = true, ["macAddress"] = true, ["ipAddress"] = false, ["connectedAt"] = false,
        ["access.type"] = true, ["access.authorized"] = false,
    };

    public static void Map(IEndpointRouteBuilder app, UnifiState state, UnifiFaults faults)
    {
        var api = app.MapGroup(Prefix);
        api.MapGet("/v1/info", () => Results.Json(new InfoView(ApplicationVersion)));
        api.MapGet("/v1/sites", (HttpRequest request) =>
            Results.Json(UnifiListQuery.Page(request, state.Sites(), SiteFilters, SiteProperty)));
        api.MapGet("/v1/sites/{siteId}/clients", (HttpRequest request, string siteId) =>
            Results.Json(UnifiListQuery.Page(request, state.Clients(siteId, withAuthorization: false), ClientFilters, ClientProperty)));
        api.MapGet("/v1/sites/{siteId}/clients/{clientId}", (string siteId, string clientId) =>
            Results.Json(state.Client(siteId, clientId)));
        api.MapPost("/v1/sites/{siteId}/clients/{clientId}/actions", async (HttpContext context, string siteId, string clientId) =>
        {
            var action = await ReadActionAsync(context.Request);
            ActionValidation.Check(action);
            if (action.Action == ActionValidation.Unauthorize)
            {
                return Results.Json(state.Unauthorize(siteId, clientId));
            }

            var late = faults.Take("POST", context.Request.Path.Value ?? "", UnifiFault.LateApplyMode);
            return Results.Json(state.Authorize(siteId, clientId, action, TimeSpan.FromSeconds(late?.LateSeconds ?? 0)));
        });
        api.MapFallback((HttpContext context) =>
            UnifiErrors.Result(context, state.Clock, HttpStatusCode.NotFound, UnifiErrors.CodeFor(HttpStatusCode.NotFound), "No such API path."));
    }

    private static async Task<ActionRequest> ReadActionAsync(HttpRequest request)
    {
        try
        {
            return await request.ReadFromJsonAsync<ActionRequest>(request.HttpContext.RequestAborted)
                ?? throw UnifiApiException.BadRequest("A JSON body is required.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw UnifiApiException.BadRequest("The body is not the expected JSON object.");
        }
    }

    private static object? SiteProperty(SiteView site, string name) => name switch
    {
        "id" => site.Id,
        "internalReference" => site.InternalReference,
        _ => site.Name,
    };

    private static object? ClientProperty(ClientView client, string name) => name switch
    {
        "id" => client.Id,
        "type" => client.Type,
        "macAddress" => client.MacAddress,
        "ipAddress" => client.IpAddress,
        "connectedAt" => client.ConnectedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        "access.type" => client.Access.Type,
        _ => client.Access.Authorized,
    };
}
