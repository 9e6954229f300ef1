using Hotspot.Mikrotik;
using Hotspot.Reconnect;
using Hotspot.RouterOs;
using Microsoft.Extensions.Logging;

namespace Hotspot.Sales.Provisioning.Mikrotik;

/// <summary>
/// A purchase on a MikroTik router: one hotspot user named by the purchase, with seed 000's RANDMAC markers and the
/// purchase's marker in its comment, so that auto-reconnect and the sweeper treat it as any paid user. Provisioning is
/// one round trip (the add and a read of the name, pipelined); a second read only when the name turns out taken and
/// the first read raced. The buyer's device, when asked for, is then logged in through auto-reconnect itself.
/// </summary>
public sealed class MikrotikPurchaseProvisioner(PurchaseCredentials credentials, ReconnectService reconnect, FamilyLeases leases, ILogger<MikrotikPurchaseProvisioner> logger)
{
    /// <summary>Bound of the router work that makes the user; the device's login has auto-reconnect's own budget.</summary>
    public static readonly TimeSpan RouterBudget = TimeSpan.FromSeconds(10);

    private const long BytesPerMegabyte = 1024 * 1024;

    public async Task<ProvisioningResult> ProvisionAsync(IRouterOsClient client, ProvisioningOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        PurchaseUserName.Validate(order.Usuario);
        var counting = new RoundTripCountingClient(client);
        var password = await credentials.PasswordAsync(order.CompraId, order.Usuario, cancellationToken);
        var made = await RouterWork.RunAsync(order, RouterBudget, ct => FindOrAddAsync(counting, order, password, ct), cancellationToken);
        if (made.Status != ProvisioningStatus.Done || !order.ConexionAutomatica || order.MacComprador is null)
        {
            return made with { RouterRoundTrips = counting.RoundTrips };
        }

        var (loggedIn, detail) = await LogInAsync(counting, order, password, cancellationToken);
        return made with { LoggedIn = loggedIn, Detail = detail ?? made.Detail, RouterRoundTrips = counting.RoundTrips };
    }

    /// <summary>
    /// Removes the purchase's family (base and clones that carry its marker), their sessions and their cookies: one
    /// read, then every removal pipelined. Holds the family's lease so that no reconnect adds a clone meanwhile.
    /// </summary>
    public async Task<ProvisioningResult> RevokeAsync(IRouterOsClient client, ProvisioningOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        PurchaseUserName.Validate(order.Usuario);
        var counting = new RoundTripCountingClient(client);
        var result = await RouterWork.RunAsync(order, RouterBudget, async ct =>
        {
            await using var lease = await leases.AcquireAsync(order.RouterId, order.Usuario, ct);
            if (lease is null)
            {
                return new ProvisioningResult(ProvisioningStatus.RouterUnavailable, Detail: "The user's devices kept it busy; try again.");
            }

            await PurchaseFamilyRemoval.RemoveAsync(counting, order, ct);
            return new ProvisioningResult(ProvisioningStatus.Done);
        }, cancellationToken);
        return result with { RouterRoundTrips = counting.RoundTrips };
    }

    private static async Task<ProvisioningResult> FindOrAddAsync(RoundTripCountingClient client, ProvisioningOrder order, string password, CancellationToken cancellationToken)
    {
        var find = HotspotCommands.FindUser(order.Usuario).Proplist(".id", "comment");
        var replies = await client.SendAllAsync([AddCommand(order, password), find], cancellationToken);
        var add = replies[0];
        if (add.Succeeded)
        {
            return new ProvisioningResult(ProvisioningStatus.Done);
        }

        var kind = new RouterOsTrapException(add.Command, add.Traps).Kind;
        if (kind != RouterOsErrorKind.DuplicateItem)
        {
            // An unknown profile, a value out of range: the same order would fail the same way.
            return new ProvisioningResult(ProvisioningStatus.Rejected, Detail: $"Router {order.RouterId} refused the user: {string.Join("; ", add.Traps.Select(t => t.Message))}");
        }

        var rows = replies[1].EnsureSuccess().Rows;
        if (rows.Count == 0)
        {
            // The read ran before the add that holds the name (a router that runs pipelined commands side by side): read again.
            rows = (await client.SendAsync(find, cancellationToken)).EnsureSuccess().Rows;
        }

        return rows.Any(r => PurchaseMarker.IsOn(r["comment"], order.CompraId))
            ? new ProvisioningResult(ProvisioningStatus.Done, Detail: "Found the user an earlier run made.")
            : rows.Count > 0
                ? new ProvisioningResult(ProvisioningStatus.NameTakenByAnother, Detail: $"Router {order.RouterId} has another user with the purchase's name.")
                : new ProvisioningResult(ProvisioningStatus.RouterUnavailable, Detail: $"Router {order.RouterId}: the name was taken, then freed; try again.");
    }

    /// <summary>
    /// With automatic connection the user is bound to the buyer's device from the start, which is what auto-reconnect
    /// would write first: its login then needs no write of its own.
    /// </summary>
    private static RouterOsCommand AddCommand(ProvisioningOrder order, string password) =>
        HotspotCommands.AddUser(new NewHotspotUser(order.Usuario, password)
            {
                Profile = string.IsNullOrEmpty(order.PerfilMikrotikNombre) ? null : order.PerfilMikrotikNombre,
                LimitUptime = TimeSpan.FromSeconds(order.TiempoSegundos),
                Comment = PurchaseMarker.Comment(order.CompraId, order.TiempoSegundos),
                MacAddress = order.ConexionAutomatica ? order.MacComprador?.ToString().ToUpperInvariant() : null,
            })
            .WithOptional("limit-bytes-total", order.LimiteMb is { } mb ? (mb * BytesPerMegabyte).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);

    /// <summary>Best effort, outside exactly-once: the user exists whatever happens here.</summary>
    private async Task<(bool LoggedIn, string? Detail)> LogInAsync(IRouterOsClient client, ProvisioningOrder order, string password, CancellationToken cancellationToken)
    {
        var (input, invalid) = ReconnectInput.From(new AutoReconnectRequest(order.Usuario, password, null, order.MacComprador!.Value.ToString(), order.IpComprador, null));
        if (invalid is not null)
        {
            return (false, "The buyer's device address is not valid; it logs in from the portal.");
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(AutoReconnectEndpoint.TimeBudget);
        try
        {
            var answer = await reconnect.ReconnectAsync(client, order.RouterId, input!, budget.Token);
            return (answer.AutoConexion == AutoConexion.Conectado, answer.Mensaje);
        }
        catch (Exception e) when (e is RouterOsException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Purchase {CompraId}: the buyer's device was not logged in on router {RouterId}: {Reason}", order.CompraId, order.RouterId, e.Message);
            return (false, "The router did not log the device in; it logs in from the portal.");
        }
    }
}
