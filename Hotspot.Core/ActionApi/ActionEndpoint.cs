namespace Hotspot.ActionApi;

/// <summary>Seed 002's action API at <c>/api/</c>: GET (and HEAD) read, POST writes; the router's switches decide which it allows.</summary>
public static class ActionEndpoint
{
    public static async Task<IResult> HandleAsync(RouterActions actions, HttpContext context, CancellationToken cancellationToken)
    {
        var parameters = await ActionParameters.ReadAsync(context.Request, cancellationToken);
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        return await actions.RunAsync(parameters, isRead, cancellationToken);
    }
}
