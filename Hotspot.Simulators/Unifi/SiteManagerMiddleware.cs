using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Hotspot.Simulators.Unifi;

/// <summary>
/// Ubiquiti's Site Manager in front of the console, on the same port: <c>GET /v1/hosts</c>, and
/// <c>/v1/connector/consoles/{id}/{path}</c> proxied to the console's <c>/proxy/{path}</c> as the documented connector
/// does (so <c>…/{id}/proxy/network/…</c> reaches <c>/proxy/proxy/…</c> and is not found). It checks the Site Manager
/// key, not the console's, and answers 429 with <c>Retry-After</c> once the key's requests per minute are spent.
/// </summary>
internal sealed class SiteManagerMiddleware(RequestDelegate next, UnifiState state, UnifiSimulatorOptions options)
{
    public const string ConnectorPrefix = "/v1/connector/consoles/";
    public const string HostsPath = "/v1/hosts";

    /// <summary>Set on a request the connector let through: the console trusts the cloud, not a key of its own.</summary>
    public static readonly object ViaConnector = new();

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.SiteManagerApiKey);
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _used;

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var isHosts = path == HostsPath;
        if (!isHosts && !path.StartsWith(ConnectorPrefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var key = context.Request.Headers["X-API-Key"].ToString();
        if (key.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), _key))
        {
            await WriteAsync(context, HttpStatusCode.Unauthorized, "Unauthorized");
            return;
        }

        if (Spent() is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await WriteAsync(context, HttpStatusCode.TooManyRequests, "Rate limit exceeded");
            return;
        }

        state.CountSiteManagerRequest();
        if (isHosts)
        {
            await Results.Json(new HostsView([new HostView(options.ConsoleId, "console", new ReportedState("unifi-simulator"))], 200,
                Guid.NewGuid().ToString("N"), null)).ExecuteAsync(context);
            return;
        }

        var rest = path[ConnectorPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var consoleId = Uri.UnescapeDataString(slash < 0 ? rest : rest[..slash]);
        if (consoleId != options.ConsoleId)
        {
            await WriteAsync(context, HttpStatusCode.Forbidden, "This API key reaches no console with that id");
            return;
        }

        context.Request.Path = "/proxy" + (slash < 0 ? "/" : rest[slash..]);
        context.Items[ViaConnector] = true;
        await next(context);
    }

    private TimeSpan? Spent()
    {
        if (options.SiteManagerRequestsPerMinute <= 0)
        {
            return null;
        }

        var now = TimeProvider.System.GetUtcNow();
        lock (_gate)
        {
            if (now >= _windowStart + Window)
            {
                _windowStart = now;
                _used = 0;
            }

            if (_used >= options.SiteManagerRequestsPerMinute)
            {
                return _windowStart + Window - now;
            }

            _used++;
            return null;
        }
    }

    private static Task WriteAsync(HttpContext context, HttpStatusCode status, string message) =>
        Results.Json(new SiteManagerError((int)status, message, Guid.NewGuid().ToString("N")), statusCode: (int)status).ExecuteAsync(context);

    private sealed record HostsView(IReadOnlyList<HostView> Data, int HttpStatusCode, string TraceId, string? NextToken);

    private sealed record HostView(string Id, string Type, ReportedState ReportedState);

    private sealed record ReportedState(string Hostname);

    private sealed record SiteManagerError(int HttpStatusCode, string Message, string TraceId);
}
