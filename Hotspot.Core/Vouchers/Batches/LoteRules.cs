using System.Security.Cryptography;
using Hotspot.Http;

namespace Hotspot.Vouchers.Batches;

/// <summary>A batch request checked, and the codes it prints.</summary>
public static class LoteRules
{
    public const int MaxCantidad = 500;
    public const int MaxPrefijo = 8;
    public const int CodeLength = 8;

    /// <summary>Upper-case letters and digits without the look-alikes 0/O, 1/I (and no lower case, so no l).</summary>
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static LoteRequest Validate(LoteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (request.Cantidad is not (>= 1 and <= MaxCantidad))
        {
            errors.Add("cantidad", $"Indica cuántas fichas: de 1 a {MaxCantidad}.");
        }

        if (request.Validez is null || !ValidFor.TryParse(request.Validez, out _))
        {
            errors.Add("validez", "Debe ser uno de " + ValidFor.AllowedText + ".");
        }

        if (request.LimiteDatosMb is { } mb && mb is < 1 or > VoucherInput.MaxLimitMb)
        {
            errors.Add("limite_datos_mb", $"De 1 a {VoucherInput.MaxLimitMb} MB, u omítelo para datos sin límite.");
        }

        var prefijo = string.IsNullOrEmpty(request.Prefijo) ? null : request.Prefijo.ToUpperInvariant();
        if (prefijo is not null && (prefijo.Length > MaxPrefijo || !prefijo.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'))))
        {
            errors.Add("prefijo", $"Hasta {MaxPrefijo} letras (A-Z) o dígitos.");
        }

        errors.ThrowIfAny();
        return request with { Prefijo = prefijo };
    }

    public static string Code(string? prefijo) => (prefijo ?? "") + RandomNumberGenerator.GetString(Alphabet, CodeLength);

    /// <summary>What the request asked, to tell a replay from another batch under the same key.</summary>
    public static string Huella(LoteRequest request) =>
        FormattableString.Invariant($"{request.Cantidad}|{request.Validez}|{request.LimiteDatosMb}|{request.Prefijo}");

    public static string KeyHash(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
