using System.Globalization;
using Hotspot.Http;
using Hotspot.Sales.Purchases;

namespace Hotspot.Sales.Reports;

/// <summary>How the summary groups its money.</summary>
public enum Agrupacion
{
    Dia,
    Producto,
    Router,
}

/// <summary>
/// The filters every sales route takes from its query string: <c>empresa_id</c> (a super_admin's choice; a
/// cliente_admin is always held to its own), <c>router_id</c>, <c>estado</c>, and <c>desde</c>/<c>hasta</c> (the
/// purchase's creation time, inclusive; a bare date means the whole day in the company's time zone, see <see cref="InZone"/>).
/// </summary>
public sealed record SalesQuery(long? EmpresaId, long? RouterId, string? Estado, DateTimeOffset? Desde, DateTimeOffset? Hasta)
{
    /// <summary>The days <c>desde</c>/<c>hasta</c> named when they were bare dates (read as UTC days until <see cref="InZone"/>).</summary>
    public DateOnly? DesdeDia { get; init; }

    public DateOnly? HastaDia { get; init; }

    /// <summary>The years a purchase id can order (its time part runs to the year 3084); outside them a date is refused, not overflowed.</summary>
    private const int FirstYear = 2000;
    private const int LastYear = 2999;

    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    public CompraFiltro Filtro => new(RouterId, Estado, Desde, Hasta);

    /// <summary>Bare dates as the whole days of <paramref name="zone"/>.</summary>
    public SalesQuery InZone(TimeZoneInfo zone) => this with
    {
        Desde = DesdeDia is { } desde ? Tenancy.CompanyTimeZone.StartOf(desde, zone) : Desde,
        Hasta = HastaDia is { } hasta ? Tenancy.CompanyTimeZone.StartOf(hasta.AddDays(1), zone).AddTicks(-1) : Hasta,
    };

    /// <summary>The filters, or 422 naming each one that cannot be read.</summary>
    public static SalesQuery Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new FieldErrors();
        var empresaId = Id(query, "empresa_id", errors);
        var routerId = Id(query, "router_id", errors);
        var estado = Text(query, "estado");
        if (estado is not null && !CompraEstados.All.Contains(estado, StringComparer.Ordinal))
        {
            errors.Add("estado", "Debe ser uno de: " + string.Join(", ", CompraEstados.All) + ".");
        }

        var desde = Time(query, "desde", endOfDay: false, errors, out var desdeDia);
        var hasta = Time(query, "hasta", endOfDay: true, errors, out var hastaDia);
        if (desde > hasta)
        {
            errors.Add("hasta", "Debe ser igual o posterior a 'desde'.");
        }

        errors.ThrowIfAny();
        return new SalesQuery(empresaId, routerId, estado, desde, hasta) { DesdeDia = desdeDia, HastaDia = hastaDia };
    }

    public static Agrupacion ReadAgrupacion(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Text(query, "agrupar") switch
        {
            null or "dia" => Agrupacion.Dia,
            "producto" => Agrupacion.Producto,
            "router" => Agrupacion.Router,
            _ => throw new InvalidFieldsException(new FieldErrors().Add("agrupar", "Debe ser dia, producto o router.")),
        };
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } text ? text : null;

    private static long? Id(IQueryCollection query, string name, FieldErrors errors)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        errors.Add(name, "Debe ser un id (entero positivo).");
        return null;
    }

    /// <summary>The bound in UTC; <paramref name="bareDay"/> is the day when the text was a bare date.</summary>
    private static DateTimeOffset? Time(IQueryCollection query, string name, bool endOfDay, FieldErrors errors, out DateOnly? bareDay)
    {
        bareDay = null;
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day.Year is < FirstYear or > LastYear)
            {
                return OutOfRange(name, errors);
            }

            bareDay = day;
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }

        if (DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.UtcDateTime.Year is < FirstYear or > LastYear ? OutOfRange(name, errors) : time.ToUniversalTime();
        }

        errors.Add(name, "Debe ser una fecha (2026-12-01) o una fecha y hora ISO 8601 (2026-12-01T18:00:00Z).");
        return null;
    }

    private static DateTimeOffset? OutOfRange(string name, FieldErrors errors)
    {
        errors.Add(name, $"La fecha debe estar entre los años {FirstYear} y {LastYear}.");
        return null;
    }
}
