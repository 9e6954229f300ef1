using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class CatalogFunctions
{
    [Function("CreateProducto")]
    public static Task<IResult> CreateProducto(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/routers/{routerId}/productos")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.CreateProducto.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("ListProductos")]
    public static Task<IResult> ListProductos(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}/productos")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ListProductos.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("GetProducto")]
    public static Task<IResult> GetProducto(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/productos/{productoId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetProducto.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("UpdateProducto")]
    public static Task<IResult> UpdateProducto(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/admin/productos/{productoId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.UpdateProducto.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("DeactivateProducto")]
    public static Task<IResult> DeactivateProducto(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/productos/{productoId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.DeactivateProducto.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("ListPerfilesMikrotik")]
    public static Task<IResult> ListPerfilesMikrotik(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/routers/{routerId}/perfiles-mikrotik")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ListPerfilesMikrotik.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("PublicConfig")]
    public static Task<IResult> PublicConfig(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "api/v1/config/public")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.PublicConfig.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("CatalogoVenta")]
    public static Task<IResult> CatalogoVenta(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "api/v1/catalogo_perfiles_venta")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.CatalogoVenta.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("CatalogoVentaItem")]
    public static Task<IResult> CatalogoVentaItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "options", Route = "api/v1/catalogo_perfiles_venta/{productoId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.CatalogoVentaItem.ExecuteAsync(request.HttpContext, cancellationToken);
}
