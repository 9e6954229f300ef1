using System.Text.Json;
using System.Text.Json.Serialization;
using Hotspot.Http;

namespace Hotspot.Sales.Purchases;

/// <summary>One move of a purchase: when, from which state to which, and the signal that caused it.</summary>
/// <param name="Senal">What asked for the move: <see cref="CompraSenales"/>.</param>
public sealed record CompraTransicion(
    [property: JsonPropertyName("fecha")] DateTimeOffset Fecha,
    [property: JsonPropertyName("desde")] string Desde,
    [property: JsonPropertyName("hacia")] string Hacia,
    [property: JsonPropertyName("senal")] string Senal);

/// <summary>The signals that request a transition.</summary>
public static class CompraSenales
{
    public const string Creacion = "creacion";
    public const string Consulta = "consulta";
    public const string Retorno = "retorno";
    public const string Abandono = "abandono";
    public const string Webhook = "webhook";
    public const string Temporizador = "temporizador";
    public const string Aprovisionamiento = "aprovisionamiento";
    public const string Reembolso = "reembolso";
}

/// <summary>A purchase's history as stored in its row (JSON, the newest <see cref="MaxEntries"/> moves).</summary>
public static class CompraHistorial
{
    public const int MaxEntries = 50;

    public static IReadOnlyList<CompraTransicion> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<CompraTransicion>>(json, ApiJson.Options) ?? [];

    public static string Append(string? json, CompraTransicion transicion)
    {
        var entries = Read(json).Append(transicion).TakeLast(MaxEntries).ToList();
        return JsonSerializer.Serialize(entries, ApiJson.Options);
    }
}
