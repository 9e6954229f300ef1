using System.Globalization;
using Hotspot.Drivers;

namespace Hotspot.Reconnect;

/// <summary>The <c>estado</c> values of seed 000.</summary>
public static class Estados
{
    public const string Activo = "activo";
    public const string Expirado = "expirado";
    public const string EmpresaInactiva = "empresa_inactiva";
    public const string RouterInactivo = "router_inactivo";
    public const string Error = "error";
}

/// <summary>The <c>auto_conexion</c> values of seed 000.</summary>
public static class AutoConexion
{
    public const string Conectado = "conectado";
    public const string NoConectado = "no_conectado";
}

/// <summary>Seed 000's response, field for field and in its order. Always sent with HTTP 200.</summary>
public sealed record AutoReconnectResponse(
    bool Success,
    string Estado,
    string AutoConexion,
    IReadOnlyDictionary<string, string>? DatosSesion,
    string? NuevaMac,
    string? TiempoAcumulado,
    string? TiempoRestante,
    string? PrimeraSesion,
    string? Mensaje,
    string? ErrorDetalle,
    string Timestamp)
{
    /// <summary>As the seed writes it: UTC, microseconds, no offset (<c>2024-07-01T17:00:00.123456</c>).</summary>
    public static string FormatTimestamp(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    public static AutoReconnectResponse NotConnected(string estado, MacAddress? mac, string? mensaje, DateTimeOffset now) =>
        new(false, estado, Reconnect.AutoConexion.NoConectado, null, mac?.ToUpperString(), null, null, null, mensaje, null, FormatTimestamp(now));

    public static AutoReconnectResponse Failed(MacAddress? mac, string detail, DateTimeOffset now) =>
        new(false, Estados.Error, Reconnect.AutoConexion.NoConectado, null, mac?.ToUpperString(), null, null, null,
            "No se pudo conectar con el router. Inténtelo de nuevo en unos segundos.", detail, FormatTimestamp(now));
}
