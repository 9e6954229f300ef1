using System.Globalization;
using System.Text;
using Hotspot.Sales.Purchases;

namespace Hotspot.Sales.Reports;

/// <summary>
/// The sales CSV: RFC 4180 (comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a line
/// break, quotes doubled), UTF-8 with a byte-order mark so spreadsheets read accents right. Safe to open in a
/// spreadsheet: a cell that starts with = + - @, a tab or a carriage return (a formula, or what a spreadsheet would
/// take for one) gets a leading apostrophe, so a buyer's name or e-mail can never run as a formula.
/// </summary>
public static class SalesCsv
{
    public const string ContentType = "text/csv; charset=utf-8; header=present";
    public const string FileName = "ventas.csv";

    public static readonly IReadOnlyList<string> Columns =
    [
        "id_compra", "empresa_id", "router_id", "creada_en", "pagada_en", "provisionada_en", "estado", "estado_pago",
        "producto_id", "producto", "tiempo_segundos", "moneda", "monto", "monto_reembolsado", "proveedor",
        "referencia_proveedor", "pago_proveedor_id", "pago_duplicado", "usuario_hotspot", "mac_cliente", "ip_cliente",
        "email_cliente", "nombre_cliente",
    ];

    public static string Row(CompraEntity c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Line(
        [
            c.Id, Number(c.EmpresaId), Number(c.RouterId), Time(c.CreadaEn), Time(c.PagadaEn), Time(c.ProvisionadaEn), c.Estado, c.EstadoPago,
            c.ProductoId, c.ProductoNombre, Number(c.TiempoSegundos), c.Moneda, Amount(c.Monto), Amount(c.MontoReembolsado), c.Proveedor,
            c.ReferenciaProveedor, c.PagoProveedorId, c.PagoDuplicado ? "si" : "no", c.Usuario, c.MacCliente, c.IpCliente,
            c.EmailCliente, c.NombreCliente,
        ]);
    }

    public static string Header() => Line(Columns);

    /// <summary>One record, CRLF-terminated.</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    /// <summary>One field: defused if a spreadsheet would read it as a formula, then quoted if RFC 4180 requires it.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>The answer: the header, then each purchase as it is read from the table (never the whole list in memory).</summary>
    public static IResult Stream(IAsyncEnumerable<CompraEntity> compras) => new CsvResult(compras);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class CsvResult(IAsyncEnumerable<CompraEntity> compras) : IResult
    {
        private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            var cancellationToken = httpContext.RequestAborted;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
            response.Headers.CacheControl = "no-store";
            await using var writer = new StreamWriter(response.Body, Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
            await writer.WriteAsync(Header().AsMemory(), cancellationToken);
            await foreach (var compra in compras.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(Row(compra).AsMemory(), cancellationToken);
            }

            await writer.FlushAsync(cancellationToken);
        }
    }
}
