using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Http.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.MikrotikPortal;

/// <summary>The portal setup's HTTP handlers: one service call each; the API's own address is the configured public one.</summary>
public static class PortalSetupEndpoints
{
    public static async Task<IResult> ConfigScriptAsync(PortalSetup setup, HttpContext context, CancellationToken cancellationToken)
    {
        var script = await setup.ConfigScriptAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), ApiBaseUrl(context.Request), cancellationToken);
        return Results.Text(script, MediaTypes.JavaScript + "; charset=utf-8");
    }

    public static async Task<IResult> WalledGardenAsync(PortalSetup setup, HttpContext context, CancellationToken cancellationToken)
    {
        var script = await setup.WalledGardenAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), ApiBaseUrl(context.Request), cancellationToken);
        return Results.Text(script, MediaTypes.PlainText + "; charset=utf-8");
    }

    public static async Task<IResult> RadiusSetupAsync(PortalSetup setup, HttpContext context, CancellationToken cancellationToken)
    {
        var script = await setup.RadiusSetupAsync(AdminCaller.Of(context), RouteValueReader.Id(context, "routerId"), cancellationToken);
        return Results.Text(script, MediaTypes.PlainText + "; charset=utf-8");
    }

    /// <summary>The configured public address (never the request's Host); 409 when unconfigured.</summary>
    private static Uri ApiBaseUrl(HttpRequest request) =>
        new(request.HttpContext.RequestServices.GetRequiredService<Sales.Purchases.PurchaseUrls>().Base().AbsoluteUri.TrimEnd('/'));
}
