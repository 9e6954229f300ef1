namespace Hotspot.Auth;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record SessionUser(long Id, string Email, string Nombre, string Rol, long? EmpresaId, bool Activo);

public sealed record LoginResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, SessionUser User);

public sealed record MessageResponse(string Message);
