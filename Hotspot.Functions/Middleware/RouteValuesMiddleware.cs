using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Hotspot.Functions.Middleware;

/// <summary>
/// The Functions host matches the route, not ASP.NET Core routing, so <c>HttpRequest.RouteValues</c> starts empty.
/// Route parameters arrive as binding data; copy them in so that handlers read them as they do on the DevHost.
/// </summary>
internal sealed class RouteValuesMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } httpContext)
        {
            var routeValues = httpContext.Request.RouteValues;
            foreach (var (name, value) in context.BindingContext.BindingData)
            {
                if (value is string text && !routeValues.ContainsKey(name))
                {
                    routeValues[name] = text;
                }
            }
        }

        return next(context);
    }
}
