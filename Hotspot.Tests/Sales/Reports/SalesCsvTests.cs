using System.Net;
using System.Text;
using Hotspot.Sales.Purchases;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Reports;

/// <summary>GET /api/v1/admin/ventas.csv: a file a spreadsheet opens safely and any RFC 4180 reader reads back exactly.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SalesCsvTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_export_quotes_per_RFC_4180_defuses_formulas_and_keeps_the_filters()
    {
        await using var seed = await SalesSeed.StartAsync(azurite);
        var hostile = await seed.AddAsync(seed.EmpresaA, seed.RouterA1, seed.Day1, CompraEstados.Provisionada, 1500,
            producto: "Hora, \"premium\"\r\ncon salto", with: c =>
            {
                c.NombreCliente = "=HYPERLINK(\"http://evil.test\",\"clic\")";
                c.EmailCliente = "+1@x.test";
                c.MacCliente = "-2+3";
                c.IpCliente = "@SUM(A1)";
                c.ReferenciaProveedor = "\tpref";
                c.PagoProveedorId = "\rpago";
            });
        await seed.AddAsync(seed.EmpresaA, seed.RouterA1, seed.Day1.AddHours(1), CompraEstados.Rechazada, 1500);
        await seed.AddAsync(seed.EmpresaB, seed.RouterB, seed.Day1, CompraEstados.Provisionada, 1500);

        using var response = await seed.Host.SendAsync(HttpMethod.Get, "/api/v1/admin/ventas.csv?estado=provisionada", seed.OperadorA);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var rows = Rfc4180.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ventas.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);
        var header = rows[0];
        var row = rows[1].Select((value, i) => (header[i], value)).ToDictionary(c => c.Item1, c => c.value);
        Assert.Equal(header.Count, rows[1].Count);
        Assert.Equal((hostile.Id, "provisionada", "15.00", "0.00", "MXN"), (row["id_compra"], row["estado"], row["monto"], row["monto_reembolsado"], row["moneda"]));
        Assert.Equal("Hora, \"premium\"\r\ncon salto", row["producto"]);
        Assert.Equal("'=HYPERLINK(\"http://evil.test\",\"clic\")", row["nombre_cliente"]);
        Assert.Equal(("'+1@x.test", "'-2+3", "'@SUM(A1)", "'\tpref", "'\rpago"),
            (row["email_cliente"], row["mac_cliente"], row["ip_cliente"], row["referencia_proveedor"], row["pago_proveedor_id"]));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"clic\"\")\"", text, StringComparison.Ordinal);
        Assert.Equal("2026-11-20T15:00:00Z", row["creada_en"]);
    }

    /// <summary>A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; a bare quote inside an unquoted field fails.</summary>
    private static class Rfc4180
    {
        public static List<List<string>> Parse(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '"' && field.Length == 0)
                {
                    i++;
                    while (true)
                    {
                        Assert.True(i < text.Length, "unterminated quoted field");
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        field.Append(text[i++]);
                    }

                    Assert.True(i == text.Length || text[i] == ',' || text[i] == '\r', $"text after a closing quote at {i}");
                    continue;
                }

                if (text[i] == ',')
                {
                    row.Add(field.ToString());
                    field.Clear();
                    i++;
                }
                else if (text[i] == '\r')
                {
                    Assert.Equal('\n', text[i + 1]);
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i += 2;
                }
                else
                {
                    Assert.NotEqual('"', text[i]);
                    Assert.NotEqual('\n', text[i]);
                    field.Append(text[i++]);
                }
            }

            Assert.Empty(row);
            return rows;
        }
    }
}
