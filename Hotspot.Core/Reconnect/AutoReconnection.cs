using Hotspot.Auth;
using Hotspot.Mikrotik;
using Hotspot.RouterOs;
using Hotspot.Tenancy;
using Microsoft.Extensions.Logging;

namespace Hotspot.Reconnect;

/// <summary>
/// Seed 000 for the router behind the API key: an inactive company or router, a MAC for a user name, or a UniFi router
/// get their <c>estado</c> without a round trip; otherwise the reconnect runs on the router's pooled connection within
/// <see cref="TimeBudget"/>, and a router that fails or does not answer in time is <c>estado: error</c>. A router whose
/// kind keeps access in our tables (RADIUS) is never connected to: <see cref="Radius.RadiusReconnection"/> answers.
/// </summary>
public sealed class AutoReconnection(
    IMikrotikClients clients, ReconnectService reconnects, Radius.RadiusReconnection entitlements, RouterVersionCache versions, TimeProvider time,
    ILogger<AutoReconnection> logger)
{
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(10);

    public async Task<AutoReconnectResponse> ReconnectAsync(RouterPrincipal key, ReconnectInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(input);
        if (Refusal(key, input) is { } refused)
        {
            return refused;
        }

        if (Kinds.RouterKindRegistry.For(key.Router)?.Provisioning == Kinds.ProvisioningPath.EntitlementOnly)
        {
            return await entitlements.ReconnectAsync(key.Router, input, cancellationToken);
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeBudget);
        try
        {
            var client = await clients.ForAsync(key.Router, budget.Token);
            return await reconnects.ReconnectAsync(client, key.Router.Id, input, budget.Token);
        }
        catch (Exception e) when (e is RouterOsException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            versions.Forget(key.Router.Id);
            var detail = e is OperationCanceledException
                ? $"router {key.Router.Id}: no complete answer within {TimeBudget.TotalSeconds:0} s."
                : e.Message;
            logger.LogWarning("Auto-reconnect on router {RouterId} failed: {Detail}", key.Router.Id, detail);
            return AutoReconnectResponse.Failed(input.CurrentMac, detail, time.GetUtcNow());
        }
    }

    private AutoReconnectResponse? Refusal(RouterPrincipal key, ReconnectInput input)
    {
        var now = time.GetUtcNow();
        return key switch
        {
            { Empresa.Activa: false } => AutoReconnectResponse.NotConnected(Estados.EmpresaInactiva, input.CurrentMac, null, now),
            { Router.Activo: false } => AutoReconnectResponse.NotConnected(Estados.RouterInactivo, input.CurrentMac, null, now),
            _ when ReconnectInput.ParseMac(input.Username) is not null =>
                AutoReconnectResponse.NotConnected(Estados.Expirado, input.CurrentMac, Messages.UsernameIsMac, now),
            _ when Kinds.RouterKindRegistry.For(key.Router)?.AutoReconnectRefusal is { } refusal =>
                AutoReconnectResponse.Failed(input.CurrentMac, refusal, now),
            _ => null,
        };
    }
}
