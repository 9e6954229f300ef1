using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.Storage;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy.Admin;

/// <summary>Companies: a super_admin manages all; a cliente_admin reads its own and edits its contact fields. Every write is audited.</summary>
public sealed class EmpresaAdmin(EmpresaStore empresas, AuditLog audit, TimeProvider clock)
{
    public async Task<EmpresaEntity> CreateAsync(AdminCaller caller, EmpresaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request, requireNombre: true).ThrowIfAny();
        var empresa = await empresas.CreateAsync(
            new EmpresaEntity
            {
                Nombre = request.Nombre!.Trim(),
                Activa = request.Activa ?? true,
                EmailContacto = request.EmailContacto?.Trim(),
                Telefono = request.Telefono?.Trim(),
                Direccion = request.Direccion?.Trim(),
                ZonaHoraria = Zone(request.ZonaHoraria),
                CreadaEn = clock.GetUtcNow(),
            },
            cancellationToken);
        await audit.RecordAsync(caller, "empresa.crear", $"empresa:{empresa.Id}", empresa.Id, cancellationToken);
        return empresa;
    }

    public Task<TablePage<EmpresaEntity>> PageAsync(int limit, string? continuationToken, CancellationToken cancellationToken) =>
        empresas.PageAsync(limit, continuationToken, cancellationToken);

    /// <summary>The company, if it exists and the caller may see it; "not found" either way otherwise.</summary>
    public async Task<EmpresaEntity> GetAsync(AdminCaller caller, long? empresaId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return empresaId is { } id && caller.Principal.CanAccess(id) && await empresas.GetAsync(id, cancellationToken) is { } empresa
            ? empresa
            : throw new NotFoundException("Empresa no encontrada.");
    }

    /// <summary>Changes a company; with <paramref name="contactOnly"/> (a cliente_admin's own company) only its contact fields and time zone.</summary>
    public async Task<EmpresaEntity> UpdateAsync(AdminCaller caller, long? empresaId, EmpresaRequest request, bool contactOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (contactOnly && (request.Nombre is not null || request.Activa is not null))
        {
            throw new ForbiddenException("Un cliente_admin solo puede cambiar los datos de contacto de su empresa.");
        }

        Validate(request, requireNombre: false).ThrowIfAny();
        var empresa = await GetAsync(caller, empresaId, cancellationToken);
        empresa.Nombre = request.Nombre?.Trim() ?? empresa.Nombre;
        empresa.Activa = request.Activa ?? empresa.Activa;
        empresa.EmailContacto = request.EmailContacto is null ? empresa.EmailContacto : Blank(request.EmailContacto);
        empresa.Telefono = request.Telefono is null ? empresa.Telefono : Blank(request.Telefono);
        empresa.Direccion = request.Direccion is null ? empresa.Direccion : Blank(request.Direccion);
        empresa.ZonaHoraria = request.ZonaHoraria is null ? empresa.ZonaHoraria : Zone(request.ZonaHoraria);
        try
        {
            await empresas.UpdateAsync(empresa, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw new ConflictException("La empresa cambió mientras se procesaba la petición; vuelva a leerla e inténtelo de nuevo.");
        }

        var action = request.Activa is { } activa ? (activa ? "empresa.activar" : "empresa.desactivar") : "empresa.actualizar";
        await audit.RecordAsync(caller, action, $"empresa:{empresa.Id}", empresa.Id, cancellationToken);
        return empresa;
    }

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

        if (!string.IsNullOrWhiteSpace(request.ZonaHoraria) && CompanyTimeZone.Normalize(request.ZonaHoraria) is null)
        {
            errors.Add("zona_horaria", "Debe ser una zona horaria IANA, p. ej. America/Mexico_City.");
        }

        return errors;
    }

    /// <summary>The zone as the system names it; blank goes back to the default.</summary>
    private static string? Zone(string? requested) => CompanyTimeZone.Normalize(requested);

    private static string? Blank(string value) => value.Trim().Length == 0 ? null : value.Trim();
}
