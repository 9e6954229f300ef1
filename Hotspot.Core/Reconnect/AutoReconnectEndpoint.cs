using Hotspot.Auth;
using Hotspot.Http;
using Hotspot.RouterOs;
using Hotspot.Mikrotik;
using Hotspot.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Reconnect;

/// <summary>
/// <c>POST /api/v1/hotspot/auto-reconnect</c> (seed 000). Bad input is 400/422; every connection outcome, failures
/// of the router included, is HTTP 200 with an <c>estado</c>, within <see cref="TimeBudget"/>.
/// </summary>
public static class AutoReconnectEndpoint
{
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(10);

    public static async Task<IResult> PostAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<AutoReconnectRequest>(context.Request, cancellationToken);
        if (body.Failed)
        {
            return body.Error!;
        }

        var (input, invalid) = ReconnectInput.From(body.Value!);
        if (invalid is not null)
        {
            return invalid;
        }

        var services = context.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var key = context.RouterKey();
        if (!key.Empresa.Activa)
        {
            return ApiJson.Ok(AutoReconnectResponse.NotConnected(Estados.EmpresaInactiva, input!.CurrentMac, null, now));
        }

        if (!key.Router.Activo)
        {
            return ApiJson.Ok(AutoReconnectResponse.NotConnected(Estados.RouterInactivo, input!.CurrentMac, null, now));
        }

        if (ReconnectInput.NormaliseMac(input!.Username) is not null)
        {
            return ApiJson.Ok(AutoReconnectResponse.NotConnected(Estados.Expirado, input.CurrentMac, Messages.UsernameIsMac, now));
        }

        if (key.Router.Tipo != RouterKinds.Mikrotik)
        {
            return ApiJson.Ok(AutoReconnectResponse.Failed(input.CurrentMac, "auto-reconnect works with MikroTik routers; this API key names a UniFi router.", now));
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeBudget);
        try
        {
            var client = await services.GetRequiredService<IMikrotikClients>().ForAsync(key.Router, budget.Token);
            return ApiJson.Ok(await services.GetRequiredService<ReconnectService>().ReconnectAsync(client, key.Router.Id, input, budget.Token));
        }
        catch (Exception e) when (e is RouterOsException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            services.GetRequiredService<RouterVersionCache>().Forget(key.Router.Id);
            var detail = e is OperationCanceledException
                ? $"router {key.Router.Id}: no complete answer within {TimeBudget.TotalSeconds:0} s."
                : e.Message;
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Hotspot.Reconnect")
                .LogWarning("Auto-reconnect on router {RouterId} failed: {Detail}", key.Router.Id, detail);
            return ApiJson.Ok(AutoReconnectResponse.Failed(input.CurrentMac, detail, services.GetRequiredService<TimeProvider>().GetUtcNow()));
        }
    }
}
