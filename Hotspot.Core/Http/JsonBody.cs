using System.Text.Json;

namespace Hotspot.Http;

/// <summary>The outcome of reading a JSON body: the value, or the answer to give instead.</summary>
public readonly record struct BodyResult<T>(T? Value, IResult? Error)
{
    public bool Failed => Error is not null;
}

/// <summary>
/// Reads the JSON request body (already read and size-checked by the pipeline, see <see cref="RequestBody"/>):
/// not JSON, or text that is not valid UTF-8 / UTF-16 (a lone surrogate) → 400; a field of the wrong type → 422
/// naming it. Unknown properties are ignored.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = RequestBody.MaxBytes;

    /// <summary>The typed request, or the 400/413/422 the pipeline answers instead (thrown as <see cref="UnreadableBodyException"/>).</summary>
    public static async Task<T> RequireAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        var body = await ReadAsync<T>(request, cancellationToken);
        return body.Failed ? throw new UnreadableBodyException(body.Error!) : body.Value!;
    }

    public static Task<BodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read<T>(RequestBody.Of(request.HttpContext).Bytes));
    }

    private static BodyResult<T> Read<T>(ReadOnlyMemory<byte> bytes) where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
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

            if (!HasValidText(document.RootElement))
            {
                return new(null, Problems.BadRequest("El cuerpo contiene texto que no es UTF-8 válido (o un carácter sustituto suelto)."));
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

    /// <summary>
    /// Whether every name and string decodes: the parser checks structure only, so invalid UTF-8 inside a string or an
    /// escaped lone surrogate would otherwise throw later, wherever a handler first reads it.
    /// </summary>
    public static bool HasValidText(JsonElement element)
    {
        try
        {
            Decode(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Decode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    Decode(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Decode(item);
                }

                break;
        }
    }
}
