using System.Text.Json;

namespace Hotspot.Http;

/// <summary>The outcome of reading a JSON body: the value, or the answer to give instead.</summary>
public readonly record struct BodyResult<T>(T? Value, IResult? Error)
{
    public bool Failed => Error is not null;
}

/// <summary>
/// Reads a JSON request body: over the size limit → 413; not JSON → 400; a field of the wrong type → 422 naming it.
/// Unknown properties are ignored.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The typed request, or the 400/413/422 the pipeline answers instead (thrown as <see cref="UnreadableBodyException"/>).</summary>
    public static async Task<T> RequireAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        var body = await ReadAsync<T>(request, cancellationToken);
        return body.Failed ? throw new UnreadableBodyException(body.Error!) : body.Value!;
    }

    public static async Task<BodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength > MaxBytes)
        {
            return new(null, Problems.PayloadTooLarge(MaxBytes));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return new(null, Problems.PayloadTooLarge(MaxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (JsonException)
        {
            return new(null, Problems.BadRequest("El cuerpo no es JSON válido."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, Problems.BadRequest("El cuerpo debe ser un objeto JSON."));
            }

            try
            {
                var value = document.RootElement.Deserialize<T>(ApiJson.Options);
                return value is null ? new(null, Problems.BadRequest("El cuerpo no puede ser null.")) : new(value, null);
            }
            catch (JsonException e)
            {
                var field = e.Path is { Length: > 2 } path ? path[2..] : "body";
                return new(null, Problems.Invalid(field, "Tipo de dato incorrecto."));
            }
        }
    }
}
