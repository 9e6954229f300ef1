using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Hotspot.Simulators.Unifi;

/// <summary>The list parameters of the Integration API: <c>offset</c> (default 0), <c>limit</c> (default 25, at most 200), <c>filter</c>.</summary>
internal static class UnifiListQuery
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 200;

    /// <summary>The page of <paramref name="items"/> the query asks for, in the list envelope.</summary>
    /// <exception cref="UnifiApiException">400 for a malformed offset, limit or filter.</exception>
    public static ListEnvelope<T> Page<T>(HttpRequest request, IReadOnlyList<T> items,
        IReadOnlyDictionary<string, bool> filterable, Func<T, string, object?> property)
    {
        var offset = ReadInt(request, "offset", 0, 0, int.MaxValue);
        var limit = ReadInt(request, "limit", DefaultLimit, 0, MaxLimit);
        var matching = items;
        if (request.Query["filter"].ToString() is { Length: > 0 } filterText)
        {
            FilterExpression filter;
            try
            {
                filter = FilterExpression.Parse(filterText, filterable);
            }
            catch (FormatException e)
            {
                throw UnifiApiException.BadRequest($"Invalid filter: {e.Message}");
            }

            matching = [.. items.Where(item => filter.Matches(name => property(item, name)))];
        }

        var data = matching.Skip(offset).Take(limit).ToList();
        return new ListEnvelope<T>(offset, limit, data.Count, matching.Count, data);
    }

    private static int ReadInt(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw UnifiApiException.BadRequest($"'{name}' must be an integer from {min} to {max}.");
    }
}
