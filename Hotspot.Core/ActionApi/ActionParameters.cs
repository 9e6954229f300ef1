using System.Globalization;
using System.Text.Json;
using Hotspot.Http;

namespace Hotspot.ActionApi;

/// <summary>
/// Seed 002's parameters: the query of a GET, or the JSON or form body of a POST (numbers in JSON read as their text).
/// The key may also come as <c>X-API-Key</c>. The body was size-checked by the pipeline; one that is not a JSON object
/// or a form within <see cref="BoundedForm"/>'s limits is refused.
/// </summary>
public sealed class ActionParameters
{
    public const string KeyName = "api-key";
    private readonly Dictionary<string, string> _values;

    private ActionParameters(Dictionary<string, string> values, string? key)
    {
        _values = values;
        Key = key;
    }

    public string? Key { get; }

    public string? Action => this["action"];

    /// <summary>The trimmed value, or null when absent or empty.</summary>
    public string? this[string name] => _values.TryGetValue(name, out var v) && v.Trim() is { Length: > 0 } t ? t : null;

    /// <summary>The parameters, or null when the body cannot be read as a small JSON object or form (answer 400).</summary>
    public static async Task<ActionParameters?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            foreach (var (name, value) in request.Query)
            {
                values[name] = value.ToString();
            }
        }
        else if (request.HasFormContentType)
        {
            if (await BoundedForm.ReadAsync(request, cancellationToken) is not { } form)
            {
                return null;
            }

            foreach (var (name, value) in form)
            {
                values[name] = value.ToString();
            }
        }
        else if (!RequestBody.Of(request.HttpContext).IsEmpty)
        {
            var body = await JsonBody.ReadAsync<Dictionary<string, JsonElement>>(request, cancellationToken);
            if (body.Failed)
            {
                return null;
            }

            foreach (var (name, element) in body.Value!)
            {
                values[name] = element.ValueKind switch
                {
                    JsonValueKind.String => element.GetString()!,
                    JsonValueKind.Number => element.GetRawText(),
                    JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
                    _ => string.Empty,
                };
            }
        }

        var header = request.Headers["X-API-Key"].ToString().Trim();
        var key = values.TryGetValue(KeyName, out var k) && k.Trim().Length > 0 ? k.Trim() : header.Length > 0 ? header : null;
        return new ActionParameters(values, key);
    }

    /// <summary>A non-negative integer parameter within bounds, the default when absent; null when malformed.</summary>
    public int? Number(string name, int fallback, int max)
    {
        if (this[name] is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max ? n : null;
    }
}
