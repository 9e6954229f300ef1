using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy;

namespace Hotspot.Auth;

/// <summary>
/// Seed 004's sessions: an admin's email and password for a token, and a password change. Every attempt takes its
/// place in the throttle before the password is verified, so a burst verifies no more than the rule allows.
/// </summary>
public sealed class AdminSessions(LoginThrottle throttle, UsuarioStore usuarios, PasswordHasher hasher, SessionTokens tokens)
{
    private const string InvalidCredentials = "Credenciales inválidas";

    public async Task<LoginResponse> LoginAsync(LoginRequest request, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (email, password) = (request.Email, request.Password);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254)
        {
            errors.Add("email", "Obligatorio.");
        }

        if (string.IsNullOrEmpty(password) || password.Length > 1024)
        {
            errors.Add("password", "Obligatorio.");
        }

        errors.ThrowIfAny();
        var account = Validation.NormalizeEmail(email!);
        var attempt = await ReserveAsync(account, address, cancellationToken);
        var usuario = Validation.IsEmail(email) ? await usuarios.FindByEmailAsync(account, cancellationToken) : null;
        var passwordMatches = hasher.Verify(password!, usuario?.PasswordHash);
        if (usuario is null || !passwordMatches || !usuario.Activo)
        {
            // The attempt's place in the throttle stays taken: it is the failure.
            throw new UnauthorizedException(InvalidCredentials);
        }

        await throttle.SucceededAsync(attempt);
        var (token, expiresAt) = await tokens.IssueAsync(usuario.Id, usuario.Email, usuario.Nombre, usuario.Rol, usuario.EmpresaId, cancellationToken);
        return new LoginResponse(token, "bearer", expiresAt, new SessionUser(usuario.Id, usuario.Email, usuario.Nombre, usuario.Rol, usuario.EmpresaId, usuario.Activo));
    }

    public async Task ChangePasswordAsync(AdminCaller caller, ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var (current, next) = (request.CurrentPassword, request.NewPassword);
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(current) || current.Length > 1024)
        {
            errors.Add("current_password", "Obligatorio.");
        }

        if (string.IsNullOrEmpty(next) || next.Length < PasswordHasher.MinimumLength || next.Length > 1024)
        {
            errors.Add("new_password", $"Debe tener al menos {PasswordHasher.MinimumLength} caracteres.");
        }

        errors.ThrowIfAny();
        var attempt = await ReserveAsync(caller.Principal.Email, caller.Address, cancellationToken);
        var usuario = await usuarios.GetAsync(caller.Principal.UserId, cancellationToken);
        if (usuario is null || !hasher.Verify(current!, usuario.PasswordHash))
        {
            throw new BadRequestException("Contraseña actual incorrecta");
        }

        await throttle.SucceededAsync(attempt);
        usuario.PasswordHash = hasher.Hash(next!);
        try
        {
            await usuarios.UpdateAsync(usuario, usuario.Email, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConflictException("El usuario cambió mientras se procesaba la petición; inténtelo de nuevo.");
        }
    }

    private async Task<ThrottledAttempt> ReserveAsync(string account, string address, CancellationToken cancellationToken)
    {
        var attempt = await throttle.ReserveAsync(LoginThrottle.Login(account, address), cancellationToken);
        return attempt.RetryAfter is { } wait ? throw new TooManyAttemptsException(wait) : attempt;
    }
}
