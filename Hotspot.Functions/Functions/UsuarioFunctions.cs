using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class UsuarioFunctions
{
    [Function("CreateUsuario")]
    public static Task<IResult> CreateUsuario(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/usuarios")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.CreateUsuario.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("ListUsuarios")]
    public static Task<IResult> ListUsuarios(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/usuarios")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ListUsuarios.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("GetUsuario")]
    public static Task<IResult> GetUsuario(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/usuarios/{usuarioId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetUsuario.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("UpdateUsuario")]
    public static Task<IResult> UpdateUsuario(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/admin/usuarios/{usuarioId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.UpdateUsuario.ExecuteAsync(request.HttpContext, cancellationToken);
}
