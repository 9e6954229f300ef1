using System.Text.Json;
using System.Text.Json.Serialization;
using Hotspot.Http;

namespace Hotspot.Sales.Purchases;

/// <summary>
/// One refund of a purchase. It is written (without <see cref="Referencia"/>) before the provider is asked, so a retry
/// after a crash asks again with the same number, hence the same idempotency key, and the provider refunds once.
/// </summary>
/// <param name="Numero">1, 2, …: the provider's idempotency key is derived from it.</param>
/// <param name="MontoCentavos">What was asked; null = everything left.</param>
/// <param name="ClaveIdempotencia">The admin's Idempotency-Key header, when sent (a hash: the header is the caller's, not ours to keep).</param>
/// <param name="Referencia">The provider's refund id, once it confirmed.</param>
/// <param name="Pedido">What the request asked (<see cref="CompraReembolsos.PedidoOf"/>): a key reused for another request is refused.</param>
public sealed record CompraReembolso(
    [property: JsonPropertyName("numero")] int Numero,
    [property: JsonPropertyName("monto_centavos")] long? MontoCentavos,
    [property: JsonPropertyName("clave")] string? ClaveIdempotencia,
    [property: JsonPropertyName("motivo")] string? Motivo,
    [property: JsonPropertyName("fecha")] DateTimeOffset Fecha,
    [property: JsonPropertyName("referencia")] string? Referencia,
    [property: JsonPropertyName("reembolsado_centavos")] long? ReembolsadoCentavos,
    [property: JsonPropertyName("pedido")] string? Pedido = null);

public static class CompraReembolsos
{
    public static IReadOnlyList<CompraReembolso> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<CompraReembolso>>(json, ApiJson.Options) ?? [];

    /// <summary>The request as compared on a replay: the amount asked, or everything left.</summary>
    public static string PedidoOf(decimal? monto) =>
        monto is { } m ? "monto:" + m.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "monto:resto";

    public static string Write(IEnumerable<CompraReembolso> reembolsos) => JsonSerializer.Serialize(reembolsos.ToList(), ApiJson.Options);
}
