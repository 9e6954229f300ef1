using Hotspot.Auth;
using Hotspot.Http;

namespace Hotspot.Reconnect;

/// <summary>
/// <c>POST /api/v1/hotspot/auto-reconnect</c> (seed 000). Bad input is 400/422; every connection outcome, failures
/// of the router included, is HTTP 200 with an <c>estado</c>.
/// </summary>
public static class AutoReconnectEndpoint
{
    public static async Task<IResult> PostAsync(AutoReconnection service, HttpContext context, CancellationToken cancellationToken)
    {
        var request = await JsonBody.RequireAsync<AutoReconnectRequest>(context.Request, cancellationToken);
        var (input, invalid) = ReconnectInput.From(request);
        return invalid ?? ApiJson.Ok(await service.ReconnectAsync(context.RouterKey(), input!, cancellationToken));
    }
}
