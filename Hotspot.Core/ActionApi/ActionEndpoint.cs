using Hotspot.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.ActionApi;

/// <summary>
/// Seed 002's action API at <c>/api/</c>: the key (parameter <c>api-key</c> or <c>X-API-Key</c>), the router's
/// switches, then the action. Statuses: 401 key missing or wrong, 403 API or method off, 400 bad parameters,
/// 404 unknown user, 409 duplicate, 500 otherwise. The key is never logged: this handler logs no parameters.
/// </summary>
public static class ActionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var parameters = await ActionParameters.ReadAsync(context.Request, cancellationToken);
        if (parameters is null)
        {
            return ActionReply.Failure(ActionMessages.Error, StatusCodes.Status400BadRequest);
        }

        if (parameters.Key is not { } key)
        {
            return ActionReply.Failure(ActionMessages.KeyNotSetOrMethodNotAllowed, StatusCodes.Status401Unauthorized);
        }

        var principal = await context.RequestServices.GetRequiredService<ApiKeyAuthenticator>().AuthenticateKeyAsync(key, cancellationToken);
        if (principal is null)
        {
            return ActionReply.Failure(ActionMessages.KeyIncorrect, StatusCodes.Status401Unauthorized);
        }

        var router = principal.Router;
        if (!router.ApiHabilitada || !router.Activo || !principal.Empresa.Activa)
        {
            return ActionReply.Failure(ActionMessages.NotEnabled, StatusCodes.Status403Forbidden);
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? !router.ApiGet : !router.ApiPost)
        {
            return ActionReply.Failure(ActionMessages.KeyNotSetOrMethodNotAllowed, StatusCodes.Status403Forbidden);
        }

        return await ActionDispatcher.RunAsync(context.RequestServices, router, parameters, cancellationToken);
    }
}
