using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Tenancy.Admin;

/// <summary><c>POST /api/v1/admin/routers/{routerId}/test-connection</c> over <see cref="RouterConnectionTest"/>.</summary>
public static class RouterTestEndpoints
{
    public static async Task<IResult> TestConnectionAsync(RouterConnectionTest test, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await test.TestAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), cancellationToken));
}
