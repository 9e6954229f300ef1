using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Http;

/// <summary>A handler that is given its area's service: the route table resolves it, so handlers never reach into the container.</summary>
public delegate Task<IResult> ServiceHandler<in TService>(TService service, HttpContext context, CancellationToken cancellationToken);

public static class Handle
{
    public static RouteHandler With<TService>(ServiceHandler<TService> handler) where TService : notnull =>
        (context, cancellationToken) => handler(context.RequestServices.GetRequiredService<TService>(), context, cancellationToken);
}
