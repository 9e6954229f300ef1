using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Auth;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record SessionUser(long Id, string Email, string Nombre, string Rol, long? EmpresaId, bool Activo);

public sealed record LoginResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, SessionUser User);

public sealed record MessageResponse(string Message);

/// <summary>Seed 004: login, logout, change-password.</summary>
public static class AuthEndpoints
{
    private const string InvalidCredentials = "Credenciales inválidas";

    public static async Task<IResult> LoginAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<LoginRequest>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var (email, password) = (body.Value!.Email, body.Value.Password);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254)
        {
            errors.Add("email", "Obligatorio.");
        }

        if (string.IsNullOrEmpty(password) || password.Length > 1024)
        {
            errors.Add("password", "Obligatorio.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var services = context.RequestServices;
        var throttle = services.GetRequiredService<LoginThrottle>();
        var address = ClientAddress.Of(context);
        var account = Validation.NormalizeEmail(email!);
        var attempt = await throttle.ReserveAsync(LoginThrottle.Login(account, address), cancellationToken);
        if (attempt.RetryAfter is { } wait)
        {
            return Problems.TooManyRequests(wait);
        }

        var usuario = Validation.IsEmail(email) ? await services.GetRequiredService<UsuarioStore>().FindByEmailAsync(account, cancellationToken) : null;
        var passwordMatches = services.GetRequiredService<PasswordHasher>().Verify(password!, usuario?.PasswordHash);
        if (usuario is null || !passwordMatches || !usuario.Activo)
        {
            // The attempt's place in the throttle stays taken: it is the failure.
            return Problems.Unauthorized(InvalidCredentials);
        }

        await throttle.SucceededAsync(attempt);
        var (token, expiresAt) = await services.GetRequiredService<SessionTokens>()
            .IssueAsync(usuario.Id, usuario.Email, usuario.Nombre, usuario.Rol, usuario.EmpresaId, cancellationToken);
        return ApiJson.Ok(new LoginResponse(
            token, "bearer", expiresAt, new SessionUser(usuario.Id, usuario.Email, usuario.Nombre, usuario.Rol, usuario.EmpresaId, usuario.Activo)));
    }

    /// <summary>Tokens are stateless and not refreshable: logging out confirms, and the client discards its token.</summary>
    public static Task<IResult> LogoutAsync(HttpContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ApiJson.Ok(new MessageResponse("Sesión cerrada. Descarte el token en el cliente.")));

    public static async Task<IResult> ChangePasswordAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ChangePasswordRequest>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var (current, next) = (body.Value!.CurrentPassword, body.Value.NewPassword);
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(current) || current.Length > 1024)
        {
            errors.Add("current_password", "Obligatorio.");
        }

        if (string.IsNullOrEmpty(next) || next.Length < PasswordHasher.MinimumLength || next.Length > 1024)
        {
            errors.Add("new_password", $"Debe tener al menos {PasswordHasher.MinimumLength} caracteres.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var services = context.RequestServices;
        var admin = context.Admin();
        var throttle = services.GetRequiredService<LoginThrottle>();
        var address = ClientAddress.Of(context);
        var attempt = await throttle.ReserveAsync(LoginThrottle.Login(admin.Email, address), cancellationToken);
        if (attempt.RetryAfter is { } wait)
        {
            return Problems.TooManyRequests(wait);
        }

        var store = services.GetRequiredService<UsuarioStore>();
        var hasher = services.GetRequiredService<PasswordHasher>();
        var usuario = await store.GetAsync(admin.UserId, cancellationToken);
        if (usuario is null || !hasher.Verify(current!, usuario.PasswordHash))
        {
            return Problems.BadRequest("Contraseña actual incorrecta");
        }

        await throttle.SucceededAsync(attempt);
        usuario.PasswordHash = hasher.Hash(next!);
        try
        {
            await store.UpdateAsync(usuario, usuario.Email, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Problems.Conflict("El usuario cambió mientras se procesaba la petición; inténtelo de nuevo.");
        }

        return ApiJson.Ok(new MessageResponse("Contraseña actualizada correctamente."));
    }
}
