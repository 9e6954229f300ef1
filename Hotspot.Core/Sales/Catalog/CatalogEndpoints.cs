using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Sales.Catalog;

/// <summary>The catalog's HTTP handlers: read the request, call one service method, answer its result.</summary>
public static class CatalogEndpoints
{
    public static async Task<IResult> CreateAsync(ProductCatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ProductoRequest>(context.Request, cancellationToken);
        return body.Failed
            ? body.Error!
            : ApiJson.Ok(ProductoResponse.From(await catalog.CreateAsync(AdminCaller.Of(context), RouterId(context), body.Value!, cancellationToken)), StatusCodes.Status201Created);
    }

    public static async Task<IResult> ListAsync(ProductCatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        var (limit, token, error) = Paging.Read(context.Request);
        if (error is not null)
        {
            return error;
        }

        var page = await catalog.PageAsync(AdminCaller.Of(context), RouterId(context), limit, token, cancellationToken);
        return ApiJson.Ok(new PageResponse<ProductoResponse>([.. page.Items.Select(ProductoResponse.From)], page.ContinuationToken));
    }

    public static async Task<IResult> GetAsync(ProductCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(ProductoResponse.From(await catalog.GetAsync(AdminCaller.Of(context), ProductoId(context), cancellationToken)));

    public static async Task<IResult> UpdateAsync(ProductCatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ProductoRequest>(context.Request, cancellationToken);
        return body.Failed
            ? body.Error!
            : ApiJson.Ok(ProductoResponse.From(await catalog.UpdateAsync(AdminCaller.Of(context), ProductoId(context), body.Value!, cancellationToken)));
    }

    public static async Task<IResult> DeactivateAsync(ProductCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(ProductoResponse.From(await catalog.DeactivateAsync(AdminCaller.Of(context), ProductoId(context), cancellationToken)));

    public static async Task<IResult> ProfilesAsync(ProductCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await catalog.ProfilesAsync(AdminCaller.Of(context), RouterId(context), cancellationToken));

    public static async Task<IResult> ConfigAsync(PublicCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await catalog.ConfigAsync(context.RouterKey(), cancellationToken));

    public static async Task<IResult> OnSaleAsync(PublicCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await catalog.ListAsync(context.RouterKey(), cancellationToken));

    public static async Task<IResult> OnSaleItemAsync(PublicCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        ApiJson.Ok(await catalog.GetAsync(context.RouterKey(), context.Request.RouteValues["productoId"] as string ?? "", cancellationToken));

    private static long RouterId(HttpContext context) => RouteValueReader.Id(context, "routerId") ?? throw new NotFoundException("Router no encontrado.");

    private static string ProductoId(HttpContext context) => context.Request.RouteValues["productoId"] as string ?? "";
}
