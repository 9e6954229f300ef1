using Hotspot.Http;

namespace Hotspot.Auth;

/// <summary>Seed 004's login, logout and change-password handlers over <see cref="AdminSessions"/>.</summary>
public static class AuthEndpoints
{
    public static async Task<IResult> LoginAsync(AdminSessions sessions, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<LoginRequest>(context.Request, cancellationToken);
        return ApiJson.Ok(await sessions.LoginAsync(request, ClientAddress.Of(context), cancellationToken));
    }

    /// <summary>Tokens are stateless and not refreshable: logging out confirms, and the client discards its token.</summary>
    public static Task<IResult> LogoutAsync(HttpContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ApiJson.Ok(new MessageResponse("Sesión cerrada. Descarte el token en el cliente.")));

    public static async Task<IResult> ChangePasswordAsync(AdminSessions sessions, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<ChangePasswordRequest>(context.Request, cancellationToken);
        await sessions.ChangePasswordAsync(AdminCaller.Of(context), request, cancellationToken);
        return ApiJson.Ok(new MessageResponse("Contraseña actualizada correctamente."));
    }
}
