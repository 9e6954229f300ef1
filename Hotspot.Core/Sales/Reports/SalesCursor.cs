using System.Globalization;
using System.Text;
using Hotspot.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Hotspot.Sales.Reports;

/// <summary>
/// Where a list of purchases continues: the company being read and the table's own token within it (a super_admin's
/// list runs through every company, one partition after another). Opaque to callers (base64url); a token naming a
/// company outside the caller's scope, or not made by us, is refused with 422.
/// </summary>
public sealed record SalesCursor(long EmpresaId, string? Inner)
{
    public const string Field = "continuation_token";

    public string Write() => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{EmpresaId}|{Inner}")));

    public static SalesCursor? Read(string? token, IReadOnlyList<long> empresas)
    {
        ArgumentNullException.ThrowIfNull(empresas);
        if (token is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var empresaId) && empresas.Contains(empresaId))
            {
                return new SalesCursor(empresaId, bar == text.Length - 1 ? null : text[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Not base64url: refused below like any other token we did not make.
        }

        throw new InvalidFieldsException(new FieldErrors().Add(Field, "No es un continuation_token de esta lista; repita la consulta sin él."));
    }
}
