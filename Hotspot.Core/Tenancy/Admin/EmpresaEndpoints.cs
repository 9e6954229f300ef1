using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tenancy.Admin;

public sealed record EmpresaRequest(string? Nombre, bool? Activa, string? EmailContacto, string? Telefono, string? Direccion);

public sealed record EmpresaResponse(long Id, string Nombre, bool Activa, string? EmailContacto, string? Telefono, string? Direccion, DateTimeOffset CreadaEn)
{
    public static EmpresaResponse From(EmpresaEntity e) => new(e.Id, e.Nombre, e.Activa, e.EmailContacto, e.Telefono, e.Direccion, e.CreadaEn);
}

/// <summary>Companies: super_admin manages all; a cliente_admin reads its own and edits its contact fields (mi-empresa).</summary>
public static class EmpresaEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<EmpresaRequest>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var request = body.Value!;
        var errors = Validate(request, requireNombre: true);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var services = context.RequestServices;
        var empresa = await services.GetRequiredService<EmpresaStore>().CreateAsync(
            new EmpresaEntity
            {
                Nombre = request.Nombre!.Trim(),
                Activa = request.Activa ?? true,
                EmailContacto = request.EmailContacto?.Trim(),
                Telefono = request.Telefono?.Trim(),
                Direccion = request.Direccion?.Trim(),
                CreadaEn = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            },
            cancellationToken);
        await services.GetRequiredService<AuditLog>().RecordAsync(context, "empresa.crear", $"empresa:{empresa.Id}", empresa.Id, cancellationToken);
        return ApiJson.Ok(EmpresaResponse.From(empresa), StatusCodes.Status201Created);
    }

    public static Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        Paging.AnswerAsync(
            context.Request,
            (limit, token) => context.RequestServices.GetRequiredService<EmpresaStore>().PageAsync(limit, token, cancellationToken),
            EmpresaResponse.From);

    public static async Task<IResult> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var empresa = await FindAsync(context, RouteValueReader.Id(context, "empresaId"), cancellationToken);
        return empresa is null ? NotFound() : ApiJson.Ok(EmpresaResponse.From(empresa));
    }

    public static Task<IResult> UpdateAsync(HttpContext context, CancellationToken cancellationToken) =>
        PatchAsync(context, RouteValueReader.Id(context, "empresaId"), contactOnly: false, cancellationToken);

    public static async Task<IResult> GetOwnAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var empresa = await FindAsync(context, context.Admin().EmpresaId, cancellationToken);
        return empresa is null ? NotFound() : ApiJson.Ok(EmpresaResponse.From(empresa));
    }

    public static Task<IResult> UpdateOwnAsync(HttpContext context, CancellationToken cancellationToken) =>
        PatchAsync(context, context.Admin().EmpresaId, contactOnly: true, cancellationToken);

    private static async Task<IResult> PatchAsync(HttpContext context, long? empresaId, bool contactOnly, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<EmpresaRequest>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var request = body.Value!;
        if (contactOnly && (request.Nombre is not null || request.Activa is not null))
        {
            return Problems.Forbidden("Un cliente_admin solo puede cambiar los datos de contacto de su empresa.");
        }

        var errors = Validate(request, requireNombre: false);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var empresa = await FindAsync(context, empresaId, cancellationToken);
        if (empresa is null)
        {
            return NotFound();
        }

        empresa.Nombre = request.Nombre?.Trim() ?? empresa.Nombre;
        empresa.Activa = request.Activa ?? empresa.Activa;
        empresa.EmailContacto = request.EmailContacto is null ? empresa.EmailContacto : Blank(request.EmailContacto);
        empresa.Telefono = request.Telefono is null ? empresa.Telefono : Blank(request.Telefono);
        empresa.Direccion = request.Direccion is null ? empresa.Direccion : Blank(request.Direccion);
        try
        {
            await context.RequestServices.GetRequiredService<EmpresaStore>().UpdateAsync(empresa, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Problems.Conflict("La empresa cambió mientras se procesaba la petición; vuelva a leerla e inténtelo de nuevo.");
        }

        var action = request.Activa is { } activa ? (activa ? "empresa.activar" : "empresa.desactivar") : "empresa.actualizar";
        await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(context, action, $"empresa:{empresa.Id}", empresa.Id, cancellationToken);
        return ApiJson.Ok(EmpresaResponse.From(empresa));
    }

    /// <summary>The company if it exists and the caller may see it; otherwise null (answered as 404 either way).</summary>
    private static async Task<EmpresaEntity?> FindAsync(HttpContext context, long? empresaId, CancellationToken cancellationToken) =>
        empresaId is { } id && context.Admin().CanAccess(id)
            ? await context.RequestServices.GetRequiredService<EmpresaStore>().GetAsync(id, cancellationToken)
            : null;

    private static FieldErrors Validate(EmpresaRequest request, bool requireNombre)
    {
        var errors = new FieldErrors();
        if ((requireNombre || request.Nombre is not null) && !Validation.IsName(request.Nombre))
        {
            errors.Add("nombre", "Obligatorio, hasta 200 caracteres.");
        }

        if (!string.IsNullOrEmpty(request.EmailContacto) && !Validation.IsEmail(request.EmailContacto))
        {
            errors.Add("email_contacto", "No es una dirección de correo válida.");
        }

        if (!Validation.IsOptionalText(request.Telefono, 50))
        {
            errors.Add("telefono", "Hasta 50 caracteres imprimibles.");
        }

        if (!Validation.IsOptionalText(request.Direccion))
        {
            errors.Add("direccion", "Hasta 500 caracteres imprimibles.");
        }

        return errors;
    }

    private static string? Blank(string value) => value.Trim().Length == 0 ? null : value.Trim();

    private static IResult NotFound() => Problems.NotFound("Empresa no encontrada.");
}
