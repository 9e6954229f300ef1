using Hotspot.Tenancy.Entities;

namespace Hotspot.Tenancy;

/// <summary>
/// The time zone a company's days are counted in (its sales per day, a bare date in a sales filter): an IANA id such as
/// <c>America/Mexico_City</c>, set by the operator as <c>zona_horaria</c>. A company that never set one counts in
/// <see cref="Default"/>, where most of our venues are.
/// </summary>
public static class CompanyTimeZone
{
    public const string Default = "America/Mexico_City";

    /// <summary>The IANA id as the system spells it, or null when there is no such zone.</summary>
    public static string? Normalize(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return null;
        }

        return zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
    }

    public static TimeZoneInfo Of(EmpresaEntity empresa)
    {
        ArgumentNullException.ThrowIfNull(empresa);
        return TimeZoneInfo.TryFindSystemTimeZoneById(empresa.ZonaHoraria ?? Default, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The instant a day begins in the zone (its local midnight; the first valid local time on a day whose midnight a clock change skips).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The zone's calendar day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
