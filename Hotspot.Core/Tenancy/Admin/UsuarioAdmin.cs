using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy.Admin;

/// <summary>
/// Admin users, managed by a super_admin; a cliente_admin manages only its own company's cajeros. Emails are unique; a
/// super_admin never deactivates or demotes itself.
/// </summary>
public sealed class UsuarioAdmin(UsuarioStore usuarios, EmpresaStore empresas, PasswordHasher hasher, AuditLog audit, TimeProvider clock)
{
    private const string TakenEmail = "Ya existe un usuario con ese email.";

    public async Task<UsuarioEntity> CreateAsync(AdminCaller caller, UsuarioRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!caller.Principal.IsSuperAdmin)
        {
            request = OwnCajero(caller.Principal, request, request.Rol ?? Roles.Cajero);
        }

        var errors = ValidateFields(request, creating: true);
        await ValidateRoleAsync(request.Rol, request.EmpresaId, errors, cancellationToken);
        errors.ThrowIfAny();
        UsuarioEntity usuario;
        try
        {
            usuario = await usuarios.CreateAsync(
                new UsuarioEntity
                {
                    Email = request.Email!,
                    Nombre = request.Nombre!.Trim(),
                    Rol = request.Rol!,
                    EmpresaId = Roles.IsPerCompany(request.Rol) ? request.EmpresaId : null,
                    Activo = request.Activo ?? true,
                    PasswordHash = hasher.Hash(request.Password!),
                    CreadoEn = clock.GetUtcNow(),
                },
                cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            throw new ConflictException(TakenEmail);
        }

        await audit.RecordAsync(caller, "usuario.crear", $"usuario:{usuario.Id}", usuario.EmpresaId, cancellationToken);
        return usuario;
    }

    /// <summary>Every user for a super_admin; a cliente_admin's own company's cajeros.</summary>
    public Task<TablePage<UsuarioEntity>> PageAsync(AdminPrincipal caller, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsSuperAdmin || caller.EmpresaId is not { } empresaId
            ? usuarios.PageAsync(limit, continuationToken, cancellationToken)
            : usuarios.PageAsync(empresaId, Roles.Cajero, limit, continuationToken, cancellationToken);
    }

    public async Task<UsuarioEntity> GetAsync(long? usuarioId, CancellationToken cancellationToken) =>
        usuarioId is { } id && await usuarios.GetAsync(id, cancellationToken) is { } usuario ? usuario : throw new NotFoundException("Usuario no encontrado.");

    /// <summary>A user the caller may see: any for a super_admin; for a cliente_admin only its own company's cajeros (others are 404).</summary>
    public async Task<UsuarioEntity> GetAsync(AdminPrincipal caller, long? usuarioId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var usuario = await GetAsync(usuarioId, cancellationToken);
        return caller.IsSuperAdmin || (usuario.Rol == Roles.Cajero && usuario.EmpresaId == caller.EmpresaId)
            ? usuario
            : throw new NotFoundException("Usuario no encontrado.");
    }

    /// <summary>A cliente_admin's request, held to a cajero of its own company: another role or company is 403.</summary>
    private static UsuarioRequest OwnCajero(AdminPrincipal caller, UsuarioRequest request, string rol)
    {
        if (rol != Roles.Cajero)
        {
            throw new ForbiddenException($"Un {Roles.ClienteAdmin} solo crea y gestiona usuarios con rol {Roles.Cajero}.");
        }

        if (request.EmpresaId is { } empresaId && empresaId != caller.EmpresaId)
        {
            throw new ForbiddenException("Solo puedes gestionar los cajeros de tu propia empresa.");
        }

        return request with { Rol = rol, EmpresaId = caller.EmpresaId };
    }

    public async Task<UsuarioEntity> UpdateAsync(AdminCaller caller, long? usuarioId, UsuarioRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var usuario = await GetAsync(caller.Principal, usuarioId, cancellationToken);
        if (!caller.Principal.IsSuperAdmin)
        {
            request = OwnCajero(caller.Principal, request, request.Rol ?? usuario.Rol);
        }

        var errors = ValidateFields(request, creating: false);
        var rol = request.Rol ?? usuario.Rol;
        var empresaId = rol == Roles.SuperAdmin ? null : request.EmpresaId ?? usuario.EmpresaId;
        if (request.Rol is not null || request.EmpresaId is not null)
        {
            await ValidateRoleAsync(rol, empresaId, errors, cancellationToken);
        }

        errors.ThrowIfAny();
        if (caller.Principal.UserId == usuario.Id && (request.Activo == false || (request.Rol is not null && request.Rol != Roles.SuperAdmin)))
        {
            throw new ConflictException("Un super_admin no puede desactivarse ni quitarse el rol a sí mismo.");
        }

        var previousEmail = usuario.Email;
        usuario.Email = request.Email ?? usuario.Email;
        usuario.Nombre = request.Nombre?.Trim() ?? usuario.Nombre;
        usuario.Rol = rol;
        usuario.EmpresaId = empresaId;
        usuario.Activo = request.Activo ?? usuario.Activo;
        if (request.Password is not null)
        {
            usuario.PasswordHash = hasher.Hash(request.Password);
        }

        try
        {
            await usuarios.UpdateAsync(usuario, previousEmail, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            throw new ConflictException(TakenEmail);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConflictException("El usuario cambió mientras se procesaba la petición; vuelva a leerlo e inténtelo de nuevo.");
        }

        var action = request.Activo is { } activo ? (activo ? "usuario.activar" : "usuario.desactivar") : "usuario.actualizar";
        await audit.RecordAsync(caller, action, $"usuario:{usuario.Id}", usuario.EmpresaId, cancellationToken);
        return usuario;
    }

    /// <summary>The fields a create requires, or a change gives: email, password, name.</summary>
    private static FieldErrors ValidateFields(UsuarioRequest request, bool creating)
    {
        var errors = new FieldErrors();
        if ((creating || request.Email is not null) && !Validation.IsEmail(request.Email))
        {
            errors.Add("email", "No es una dirección de correo válida.");
        }

        if ((creating || request.Password is not null)
            && (request.Password is null || request.Password.Length < PasswordHasher.MinimumLength || request.Password.Length > 1024))
        {
            errors.Add("password", $"Debe tener al menos {PasswordHasher.MinimumLength} caracteres.");
        }

        if ((creating || request.Nombre is not null) && !Validation.IsName(request.Nombre))
        {
            errors.Add("nombre", "Obligatorio, hasta 200 caracteres.");
        }

        return errors;
    }

    private async Task ValidateRoleAsync(string? rol, long? empresaId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (!Roles.IsKnown(rol))
        {
            errors.Add("rol", $"Debe ser {Roles.SuperAdmin}, {Roles.ClienteAdmin} o {Roles.Cajero}.");
        }
        else if (Roles.IsPerCompany(rol) && empresaId is null)
        {
            errors.Add("empresa_id", $"Un {rol} necesita una empresa.");
        }
        else if (Roles.IsPerCompany(rol) && await empresas.GetAsync(empresaId!.Value, cancellationToken) is null)
        {
            errors.Add("empresa_id", "La empresa no existe.");
        }
    }
}
