namespace Hotspot.Http;

public static class RouteValueReader
{
    /// <summary>A positive integer id from the route, or null when it is missing or not a number (answer 404).</summary>
    public static long? Id(HttpContext context, string name) =>
        context.Request.RouteValues.TryGetValue(name, out var raw)
        && long.TryParse(raw?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
        && id > 0
            ? id
            : null;
}
