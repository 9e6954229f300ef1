using Hotspot.Drivers;

namespace Hotspot.Unifi;

/// <summary>
/// <see cref="IGuestAccessController"/> over the UniFi Network Integration API (Network 9.1+): site by
/// internalReference, client by MAC filter, AUTHORIZE_GUEST_ACCESS with an explicit time limit, then a read-back.
/// Site ids and client ids are cached, so a warm authorization is the action and its read-back.
/// </summary>
internal sealed class UnifiController(UnifiApiClient api, UnifiRouterConnection connection, UnifiSiteCache sites, UnifiClientCache clients,
    UnifiDriverOptions options)
    : IGuestAccessController
{
    private const int PageSize = 200;
    private const int MaxPages = 50;

    // A device that is not a guest has no authorization to revoke.
    private static readonly UnifiActionAnswer NotAGuestAnswer = new(null, null, null);

    public Task<ControllerInfo> TestConnectionAsync(CancellationToken cancellationToken) =>
        WithinBudget(TestConnectionCoreAsync, cancellationToken);

    public Task<KnownHost?> FindDeviceAsync(GuestDevice device, CancellationToken cancellationToken) =>
        WithinBudget(ct => FindDeviceCoreAsync(device, ct), cancellationToken);

    public Task<GuestStatus> AuthorizeAsync(GuestAuthorization authorization, CancellationToken cancellationToken) =>
        WithinBudget(ct => AuthorizeCoreAsync(authorization, ct), cancellationToken);

    public Task<GuestStatus?> GetStatusAsync(GuestDevice device, CancellationToken cancellationToken) =>
        WithinBudget(ct => GetStatusCoreAsync(device, ct), cancellationToken);

    public Task<bool> DeauthorizeAsync(GuestDevice device, CancellationToken cancellationToken) =>
        WithinBudget(ct => DeauthorizeCoreAsync(device, ct), cancellationToken);

    public Task<IReadOnlyList<KnownHost>> ListActiveGuestsAsync(string? site, CancellationToken cancellationToken) =>
        WithinBudget(ct => ListClientsAsync(site, UnifiFilter.AuthorizedGuests, ct), cancellationToken);

    public Task<IReadOnlyList<KnownHost>> ListKnownHostsAsync(string? site, CancellationToken cancellationToken) =>
        WithinBudget(ct => ListClientsAsync(site, null, ct), cancellationToken);

    private Task<T> WithinBudget<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken) =>
        UnifiOperationBudget.RunAsync(api.RouterId, options.OperationTimeout, operation, cancellationToken);

    private async Task<ControllerInfo> TestConnectionCoreAsync(CancellationToken cancellationToken)
    {
        var info = await api.GetOrNullAsync<UnifiInfo>("/v1/info", cancellationToken)
            ?? throw new ControllerException(ControllerError.UnexpectedResponse,
                $"UniFi router {api.RouterId} has no Integration API at {connection.BaseUrl.AbsolutePath} (404): " +
                "the base URL ends in /proxy/network/integration and Network 9.1 or later is needed.");
        return new ControllerInfo("unifi", info.ApplicationVersion);
    }

    private async Task<KnownHost?> FindDeviceCoreAsync(GuestDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var (site, siteId) = await ResolveSiteAsync(device.Site, cancellationToken);
        var client = await FindClientAsync(site, siteId, device.Mac, cancellationToken);
        return client is null ? null : ToHost(client);
    }

    private async Task<GuestStatus> AuthorizeCoreAsync(GuestAuthorization authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var action = UnifiLimits.ToAuthorizeAction(authorization.Budget);
        var device = authorization.Device;
        var (site, siteId) = await ResolveSiteAsync(device.Site, cancellationToken);

        // The Integration API's action takes no AP MAC (the legacy API did); the client id identifies the device.
        // A 404 means the action was not applied, so it is safe to send again to the id a fresh lookup finds.
        var (client, applied) = await OnClientAsync(site, siteId, device.Mac, known =>
        {
            if (!known.IsGuest)
            {
                throw new ControllerException(ControllerError.NotAGuest,
                    $"Device {device.Mac} on site {site} is not a guest: it is not on a captive-portal network.", nameof(GuestDevice.Mac));
            }

            return api.PostOrNullAsync<object>($"{ClientPath(siteId, known.Id)}/actions", action, cancellationToken);
        }, cancellationToken);
        if (client is null || applied is null)
        {
            throw NotConnected(device, site);
        }

        var readBack = await api.GetOrNullAsync<UnifiClient>(ClientPath(siteId, client.Id), cancellationToken)
            ?? throw new ControllerException(ControllerError.DeviceNotFound,
                $"Device {device.Mac} was authorized on site {site} but the controller no longer sees it connected.", nameof(GuestDevice.Mac));
        return ToStatus(readBack);
    }

    private async Task<GuestStatus?> GetStatusCoreAsync(GuestDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var (site, siteId) = await ResolveSiteAsync(device.Site, cancellationToken);
        var (_, detail) = await OnClientAsync(site, siteId, device.Mac,
            known => api.GetOrNullAsync<UnifiClient>(ClientPath(siteId, known.Id), cancellationToken), cancellationToken);
        return detail is null ? null : ToStatus(detail);
    }

    private async Task<bool> DeauthorizeCoreAsync(GuestDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var (site, siteId) = await ResolveSiteAsync(device.Site, cancellationToken);

        // Asked even when the list shows the guest unauthorized: an authorization granted but not yet applied by the
        // AP is listed so, and must not come alive later. The controller's answer says whether there was one.
        var (_, answer) = await OnClientAsync(site, siteId, device.Mac, known => known.IsGuest
            ? api.PostOrNullAsync<UnifiActionAnswer>($"{ClientPath(siteId, known.Id)}/actions",
                new UnifiSimpleAction(UnifiSimpleAction.Unauthorize), cancellationToken)
            : Task.FromResult<UnifiActionAnswer?>(NotAGuestAnswer), cancellationToken);
        return answer?.RevokedAuthorization is not null;
    }

    /// <summary>
    /// Calls <paramref name="call"/> with the device's client: the cached one first, and when the controller answers
    /// that id with 404, the one a fresh lookup finds. Null client: the device is not connected.
    /// </summary>
    private async Task<(CachedClient? Client, T? Result)> OnClientAsync<T>(string site, string siteId, MacAddress mac,
        Func<CachedClient, Task<T?>> call, CancellationToken cancellationToken) where T : class
    {
        if (clients.Find(connection.BaseUrl, siteId, mac) is { } cached)
        {
            if (await call(cached) is { } result)
            {
                return (cached, result);
            }

            clients.Forget(connection.BaseUrl, siteId, mac);
        }

        var found = await FindClientAsync(site, siteId, mac, cancellationToken);
        if (found is null)
        {
            return (null, null);
        }

        var known = new CachedClient(found.Id!, found.Access?.IsGuest == true);
        return (known, await call(known));
    }

    private static string ClientPath(string siteId, string clientId) => $"/v1/sites/{siteId}/clients/{Uri.EscapeDataString(clientId)}";

    private async Task<IReadOnlyList<KnownHost>> ListClientsAsync(string? site, string? filter, CancellationToken cancellationToken)
    {
        var (name, siteId) = await ResolveSiteAsync(site, cancellationToken);
        var hosts = new List<KnownHost>();
        var query = filter is null ? "" : $"&filter={Uri.EscapeDataString(filter)}";
        for (var page = 0; page < MaxPages; page++)
        {
            var answer = await api.GetOrNullAsync<UnifiPage<UnifiClient>>(
                $"/v1/sites/{siteId}/clients?offset={hosts.Count}&limit={PageSize}{query}", cancellationToken)
                ?? throw SiteGone(name);
            var data = answer.Data ?? [];
            hosts.AddRange(data.Where(c => c.Id is not null && MacAddress.TryParse(c.MacAddress, out _)).Select(ToHost));
            if (data.Count == 0 || (answer.Offset ?? 0) + data.Count >= (answer.TotalCount ?? 0))
            {
                break;
            }
        }

        return hosts;
    }

    private async Task<UnifiClient?> FindClientAsync(string site, string siteId, MacAddress mac, CancellationToken cancellationToken)
    {
        var filter = Uri.EscapeDataString(UnifiFilter.MacAddressEquals(mac));
        var page = await api.GetOrNullAsync<UnifiPage<UnifiClient>>($"/v1/sites/{siteId}/clients?filter={filter}", cancellationToken)
            ?? throw SiteGone(site);

        // The filter already selects the MAC; checking again guards against a controller that ignores filters.
        var client = page.Data?.FirstOrDefault(c => c.Id is not null && MacAddress.TryParse(c.MacAddress, out var m) && m == mac);
        if (client is null)
        {
            clients.Forget(connection.BaseUrl, siteId, mac);
        }
        else
        {
            clients.Remember(connection.BaseUrl, siteId, mac, new CachedClient(client.Id!, client.Access?.IsGuest == true), options.ClientCacheLifetime);
        }

        return client;
    }

    private async Task<(string Site, string SiteId)> ResolveSiteAsync(string? requested, CancellationToken cancellationToken)
    {
        var site = requested ?? connection.DefaultSite;
        var filter = UnifiFilter.InternalReferenceEquals(site);
        if (sites.Find(connection.BaseUrl, site) is { } cached)
        {
            return (site, cached);
        }

        var page = await api.GetOrNullAsync<UnifiPage<UnifiSite>>($"/v1/sites?filter={Uri.EscapeDataString(filter)}", cancellationToken)
            ?? throw new ControllerException(ControllerError.UnexpectedResponse,
                $"UniFi router {api.RouterId} has no Integration API sites list (404): check the base URL and the Network version.");
        var match = page.Data?.FirstOrDefault(s => s.Id is not null && string.Equals(s.InternalReference, site, StringComparison.Ordinal))
            ?? throw new ControllerException(ControllerError.UnknownSite,
                $"UniFi router {api.RouterId} has no site '{site}'.", nameof(GuestDevice.Site));
        sites.Remember(connection.BaseUrl, site, match.Id!, options.SiteCacheLifetime);
        return (site, match.Id!);
    }

    private ControllerException SiteGone(string site)
    {
        sites.Forget(connection.BaseUrl, site);
        return new ControllerException(ControllerError.UnknownSite, $"UniFi router {api.RouterId} no longer has site '{site}'.", nameof(GuestDevice.Site));
    }

    private static ControllerException NotConnected(GuestDevice device, string site) =>
        new(ControllerError.DeviceNotFound, $"Device {device.Mac} is not connected to site {site}.", nameof(GuestDevice.Mac));

    private static KnownHost ToHost(UnifiClient client) => new(
        MacAddress.Parse(client.MacAddress ?? ""),
        client.Id!,
        client.Name,
        client.IpAddress,
        client.Type?.ToUpperInvariant() switch
        {
            "WIRELESS" => ConnectionKind.Wireless,
            "WIRED" => ConnectionKind.Wired,
            "VPN" or "TELEPORT" => ConnectionKind.Vpn,
            _ => ConnectionKind.Unknown,
        },
        client.Access?.IsGuest == true,
        client.Access?.Authorized == true);

    private static GuestStatus ToStatus(UnifiClient client)
    {
        if (client.Id is null || !MacAddress.TryParse(client.MacAddress, out _))
        {
            throw new ControllerException(ControllerError.UnexpectedResponse, "The controller returned a client without an id or MAC address.");
        }

        var authorization = client.Access?.Authorization;
        var limits = authorization is { AuthorizedAt: { } from, ExpiresAt: { } until }
            ? new AccessBudget(until - from, authorization.DataUsageLimitMBytes, authorization.RxRateLimitKbps, authorization.TxRateLimitKbps)
            : null;
        var usage = authorization?.Usage is { } u
            ? new GuestUsage(u.DurationSec is { } s ? TimeSpan.FromSeconds(s) : null, u.RxBytes, u.TxBytes)
            : null;
        return new GuestStatus(ToHost(client), client.Access?.Authorized == true, authorization?.AuthorizedAt, authorization?.ExpiresAt, limits, usage);
    }
}
