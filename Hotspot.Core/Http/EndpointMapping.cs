using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Hotspot.Http;

public static class EndpointMapping
{
    /// <summary>Maps every route of <see cref="RouteTable"/> as a minimal API endpoint.</summary>
    public static IEndpointRouteBuilder MapHotspotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var route in RouteTable.All)
        {
            Func<HttpContext, Task<IResult>> handler = context => route.ExecuteAsync(context, context.RequestAborted);
            endpoints.MapMethods(route.Path, route.BoundVerbs, handler)
                .WithName(route.Name);
        }

        return endpoints;
    }
}
