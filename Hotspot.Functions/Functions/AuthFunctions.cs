using Hotspot.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Hotspot.Functions;

public static class AuthFunctions
{
    [Function("Login")]
    public static Task<IResult> Login(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/login")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.Login.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("Logout")]
    public static Task<IResult> Logout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/logout")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.Logout.ExecuteAsync(request.HttpContext, cancellationToken);

    [Function("ChangePassword")]
    public static Task<IResult> ChangePassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/change-password")] HttpRequest request, CancellationToken cancellationToken) =>
        RouteTable.ChangePassword.ExecuteAsync(request.HttpContext, cancellationToken);
}
