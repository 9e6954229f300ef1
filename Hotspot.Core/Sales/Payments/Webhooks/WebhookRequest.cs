using Microsoft.AspNetCore.Http;

namespace Hotspot.Sales.Payments.Webhooks;

/// <summary>
/// A webhook exactly as it arrived: the raw body bytes (read once, never re-serialized), the headers and the query
/// string (Mercado Pago signs the query's data.id). Nothing in it has been parsed yet.
/// </summary>
public sealed record WebhookRequest(ReadOnlyMemory<byte> Body, IHeaderDictionary Headers, IQueryCollection Query)
{
    public static async Task<WebhookRequest> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidDataException($"A webhook body is at most {maxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return new WebhookRequest(buffer.ToArray(), request.Headers, request.Query);
    }
}
