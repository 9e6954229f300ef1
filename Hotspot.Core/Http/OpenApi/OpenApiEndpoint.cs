using System.Text;
using System.Text.Json;

namespace Hotspot.Http.OpenApi;

/// <summary><c>GET /api/openapi.json</c>: the document of <see cref="RouteTable.All"/>, made once per process.</summary>
public static class OpenApiEndpoint
{
    private static readonly Lazy<byte[]> Document = new(() =>
        Encoding.UTF8.GetBytes(OpenApiDocumentBuilder.Build(RouteTable.All).ToJsonString(new JsonSerializerOptions { WriteIndented = true })));

    public static Task<IResult> GetAsync(HttpContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Results.Bytes(Document.Value, "application/json"));
}
