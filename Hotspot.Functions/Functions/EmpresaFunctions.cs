using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class EmpresaFunctions
{
    [Function("CreateEmpresa")]
    public static Task<IResult> CreateEmpresa(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/empresas")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.CreateEmpresa.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("ListEmpresas")]
    public static Task<IResult> ListEmpresas(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/empresas")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ListEmpresas.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("GetEmpresa")]
    public static Task<IResult> GetEmpresa(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/empresas/{empresaId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetEmpresa.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("UpdateEmpresa")]
    public static Task<IResult> UpdateEmpresa(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/admin/empresas/{empresaId}")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.UpdateEmpresa.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("GetMiEmpresa")]
    public static Task<IResult> GetMiEmpresa(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "api/v1/admin/mi-empresa")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.GetMiEmpresa.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("UpdateMiEmpresa")]
    public static Task<IResult> UpdateMiEmpresa(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/admin/mi-empresa")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.UpdateMiEmpresa.ExecuteAsync(request.HttpContext, cancellationToken);
}
