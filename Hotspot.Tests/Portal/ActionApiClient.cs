using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Tests.Tenancy;

namespace Hotspot.Tests.Portal;

/// <summary>Seed 002's calls as a portal makes them: GET with the query, POST with a JSON body.</summary>
internal static class ActionApiClient
{
    public static Task Enable(TenancyHost host, string rootToken, long routerId, bool habilitada = true, bool post = true, bool get = true) =>
        host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/v1/admin/routers/{routerId}", rootToken,
            new { api_acciones = new { habilitada, post, get } });

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(TenancyHost host, string query)
    {
        using var response = await host.Host.Client.GetAsync(new Uri("/api/?" + query, UriKind.Relative));
        return (response.StatusCode, await TenancyHost.JsonAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(TenancyHost host, object body, string path = "/api/")
    {
        using var response = await host.Host.Client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return (response.StatusCode, await TenancyHost.JsonAsync(response));
    }

    public static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
