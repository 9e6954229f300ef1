using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Hotspot.Simulators.Unifi;

/// <summary>
/// In front of every API request, in the order a console would meet them: the request log, injected faults, the
/// <c>X-API-KEY</c> check, and the error body for any <see cref="UnifiApiException"/>.
/// </summary>
internal sealed class UnifiApiMiddleware(RequestDelegate next, UnifiState state, UnifiFaults faults, string apiKey)
{
    private readonly byte[] _apiKey = Encoding.UTF8.GetBytes(apiKey);

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "";
        var relative = path.StartsWith(UnifiApiEndpoints.Prefix, StringComparison.Ordinal) ? path[UnifiApiEndpoints.Prefix.Length..] : path;
        state.Log($"{method} {relative}{Uri.UnescapeDataString(context.Request.QueryString.Value ?? "")}");

        var fault = faults.Take(method, relative, UnifiFault.StatusMode, UnifiFault.SlowMode, UnifiFault.DropMode);
        switch (fault?.Mode)
        {
            case UnifiFault.DropMode:
                context.Abort();
                return;
            case UnifiFault.StatusMode:
                await WriteFaultAsync(context, fault);
                return;
            case UnifiFault.SlowMode:
                await Task.Delay(TimeSpan.FromMilliseconds(fault.DelayMs!.Value), state.Clock, context.RequestAborted);
                break;
        }

        // The header name is matched case-insensitively (ASP.NET Core headers are).
        var key = context.Request.Headers["X-API-KEY"].ToString();
        var viaConnector = context.Items.ContainsKey(SiteManagerMiddleware.ViaConnector);
        if (!viaConnector && (key.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), _apiKey)))
        {
            var code = key.Length == 0 ? "api.authentication.missing-credentials" : "api.authentication.invalid-credentials";
            await UnifiErrors.Result(context, state.Clock, HttpStatusCode.Unauthorized, code,
                key.Length == 0 ? "Missing credentials" : "Invalid credentials").ExecuteAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (UnifiApiException e)
        {
            await UnifiErrors.Result(context, state.Clock, e.Status, e.Code, e.Message).ExecuteAsync(context);
        }
    }

    private Task WriteFaultAsync(HttpContext context, UnifiFault fault)
    {
        var status = (HttpStatusCode)fault.Status!.Value;
        if (fault.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return UnifiErrors.Result(context, state.Clock, status, UnifiErrors.CodeFor(status), $"Simulated fault: {(int)status}.").ExecuteAsync(context);
    }
}
