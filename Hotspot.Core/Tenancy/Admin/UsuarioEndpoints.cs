using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tenancy.Admin;

public sealed record UsuarioRequest(string? Email, string? Password, string? Nombre, string? Rol, long? EmpresaId, bool? Activo);

public sealed record UsuarioResponse(long Id, string Email, string Nombre, string Rol, long? EmpresaId, bool Activo, DateTimeOffset CreadoEn)
{
    public static UsuarioResponse From(UsuarioEntity u) => new(u.Id, u.Email, u.Nombre, u.Rol, u.EmpresaId, u.Activo, u.CreadoEn);
}

/// <summary>Admin users (super_admin only). Emails are unique; a super_admin never deactivates itself.</summary>
public static class UsuarioEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<UsuarioRequest>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var request = body.Value!;
        var errors = new FieldErrors();
        if (!Validation.IsEmail(request.Email))
        {
            errors.Add("email", "No es una dirección de correo válida.");
        }

        if (request.Password is null || request.Password.Length < PasswordHasher.MinimumLength || request.Password.Length > 1024)
        {
            errors.Add("password", $"Debe tener al menos {PasswordHasher.MinimumLength} caracteres.");
        }

        if (!Validation.IsName(request.Nombre))
        {
            errors.Add("nombre", "Obligatorio, hasta 200 caracteres.");
        }

        await ValidateRoleAsync(context, request.Rol, request.EmpresaId, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var services = context.RequestServices;
        UsuarioEntity usuario;
        try
        {
            usuario = await services.GetRequiredService<UsuarioStore>().CreateAsync(
                new UsuarioEntity
                {
                    Email = request.Email!,
                    Nombre = request.Nombre!.Trim(),
                    Rol = request.Rol!,
                    EmpresaId = request.Rol == Roles.ClienteAdmin ? request.EmpresaId : null,
                    Activo = request.Activo ?? true,
                    PasswordHash = services.GetRequiredService<PasswordHasher>().Hash(request.Password!),
                    CreadoEn = services.GetRequiredService<TimeProvider>().GetUtcNow(),
                },
                cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            return Problems.Conflict("Ya existe un usuario con ese email.");
        }

        await services.GetRequiredService<AuditLog>().RecordAsync(context, "usuario.crear", $"usuario:{usuario.Id}", usuario.EmpresaId, cancellationToken);
        return ApiJson.Ok(UsuarioResponse.From(usuario), StatusCodes.Status201Created);
    }

    public static Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        Paging.AnswerAsync(
            context.Request,
            (limit, token) => context.RequestServices.GetRequiredService<UsuarioStore>().PageAsync(limit, token, cancellationToken),
            UsuarioResponse.From);

    public static async Task<IResult> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var usuario = RouteValueReader.Id(context, "usuarioId") is { } id
            ? await context.RequestServices.GetRequiredService<UsuarioStore>().GetAsync(id, cancellationToken)
            : null;
        return usuario is null ? NotFound() : ApiJson.Ok(UsuarioResponse.From(usuario));
    }

    public static async Task<IResult> UpdateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<UsuarioRequest>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var services = context.RequestServices;
        var store = services.GetRequiredService<UsuarioStore>();
        var usuario = RouteValueReader.Id(context, "usuarioId") is { } id ? await store.GetAsync(id, cancellationToken) : null;
        if (usuario is null)
        {
            return NotFound();
        }

        var request = body.Value!;
        var errors = new FieldErrors();
        if (request.Email is not null && !Validation.IsEmail(request.Email))
        {
            errors.Add("email", "No es una dirección de correo válida.");
        }

        if (request.Password is not null && (request.Password.Length < PasswordHasher.MinimumLength || request.Password.Length > 1024))
        {
            errors.Add("password", $"Debe tener al menos {PasswordHasher.MinimumLength} caracteres.");
        }

        if (request.Nombre is not null && !Validation.IsName(request.Nombre))
        {
            errors.Add("nombre", "Obligatorio, hasta 200 caracteres.");
        }

        var rol = request.Rol ?? usuario.Rol;
        var empresaId = rol == Roles.SuperAdmin ? null : request.EmpresaId ?? usuario.EmpresaId;
        if (request.Rol is not null || request.EmpresaId is not null)
        {
            await ValidateRoleAsync(context, rol, empresaId, errors, cancellationToken);
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var self = context.Admin().UserId == usuario.Id;
        if (self && (request.Activo == false || (request.Rol is not null && request.Rol != Roles.SuperAdmin)))
        {
            return Problems.Conflict("Un super_admin no puede desactivarse ni quitarse el rol a sí mismo.");
        }

        var previousEmail = usuario.Email;
        usuario.Email = request.Email ?? usuario.Email;
        usuario.Nombre = request.Nombre?.Trim() ?? usuario.Nombre;
        usuario.Rol = rol;
        usuario.EmpresaId = empresaId;
        usuario.Activo = request.Activo ?? usuario.Activo;
        if (request.Password is not null)
        {
            usuario.PasswordHash = services.GetRequiredService<PasswordHasher>().Hash(request.Password);
        }

        try
        {
            await store.UpdateAsync(usuario, previousEmail, cancellationToken);
        }
        catch (EntityAlreadyExistsException)
        {
            return Problems.Conflict("Ya existe un usuario con ese email.");
        }
        catch (ConcurrencyConflictException)
        {
            return Problems.Conflict("El usuario cambió mientras se procesaba la petición; vuelva a leerlo e inténtelo de nuevo.");
        }

        var action = request.Activo is { } activo ? (activo ? "usuario.activar" : "usuario.desactivar") : "usuario.actualizar";
        await services.GetRequiredService<AuditLog>().RecordAsync(context, action, $"usuario:{usuario.Id}", usuario.EmpresaId, cancellationToken);
        return ApiJson.Ok(UsuarioResponse.From(usuario));
    }

    private static async Task ValidateRoleAsync(HttpContext context, string? rol, long? empresaId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (!Roles.IsKnown(rol))
        {
            errors.Add("rol", $"Debe ser {Roles.SuperAdmin} o {Roles.ClienteAdmin}.");
            return;
        }

        if (rol == Roles.ClienteAdmin)
        {
            if (empresaId is null)
            {
                errors.Add("empresa_id", "Un cliente_admin necesita una empresa.");
            }
            else if (await context.RequestServices.GetRequiredService<EmpresaStore>().GetAsync(empresaId.Value, cancellationToken) is null)
            {
                errors.Add("empresa_id", "La empresa no existe.");
            }
        }
    }

    private static IResult NotFound() => Problems.NotFound("Usuario no encontrado.");
}
