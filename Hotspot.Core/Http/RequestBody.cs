using Microsoft.AspNetCore.Http.Features;

namespace Hotspot.Http;

/// <summary>
/// The request body, read once by the route pipeline before authentication and the handler run: at most
/// <see cref="MaxBytes"/> bytes whatever the framing (Content-Length, chunked, multipart), within
/// <see cref="ReadBudget"/>. Handlers read it from here (<see cref="Of"/>), never from the network.
/// </summary>
public sealed class RequestBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>How long a client may take to send a body; a stalled body answers 408 after it.</summary>
    public static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(10);

    private static readonly RequestBody Empty = new(ReadOnlyMemory<byte>.Empty);

    private RequestBody(ReadOnlyMemory<byte> bytes) => Bytes = bytes;

    public ReadOnlyMemory<byte> Bytes { get; }

    public bool IsEmpty => Bytes.IsEmpty;

    /// <summary>The body the pipeline read; empty when the request has none.</summary>
    public static RequestBody Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<RequestBody>() ?? Empty;
    }

    /// <summary>A fresh stream over the bytes read, for parsers that take a stream.</summary>
    public Stream OpenRead() => new MemoryStream(Bytes.ToArray(), writable: false);

    /// <summary>
    /// Reads the body into the request's features, or answers why not: 413 over the cap, 408 when it stalls, 400 when
    /// its framing is broken. A client that goes away meanwhile surfaces as a cancellation.
    /// </summary>
    internal static async Task<IResult?> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBytes)
        {
            return Problems.PayloadTooLarge(MaxBytes);
        }

        if (request.ContentLength is 0 || !HasBody(context))
        {
            context.Features.Set(Empty);
            return null;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(ReadBudget);
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, budget.Token)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return Problems.PayloadTooLarge(MaxBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            // The server's parser: broken chunk framing (400), a body arriving too slowly (408), over its own limit (413).
            return Problems.Status(e.StatusCode, e.StatusCode == StatusCodes.Status408RequestTimeout
                ? "El cuerpo de la petición llegó demasiado despacio."
                : "El cuerpo de la petición está mal formado o llegó incompleto.");
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return Problems.BadRequest("El cuerpo de la petición llegó incompleto.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Problems.RequestTimeout($"El cuerpo de la petición no llegó completo en {ReadBudget.TotalSeconds:0} s.");
        }

        var body = new RequestBody(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        context.Features.Set(body);
        return null;
    }

    /// <summary>Whether the server says the request carries a body (HTTP/1.1 Content-Length or chunked, HTTP/2 data).</summary>
    private static bool HasBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { } detection || detection.CanHaveBody;
}
