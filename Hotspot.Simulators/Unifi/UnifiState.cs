using Hotspot.Drivers;

namespace Hotspot.Simulators.Unifi;

/// <summary>
/// Everything the simulated controller knows: sites, connected clients and their authorizations, the clock, and the
/// requests it has served. Thread-safe; the API and the control port share one instance.
/// </summary>
public sealed class UnifiState
{
    private const int MaxLoggedRequests = 1000;

    private readonly Lock _gate = new();
    private readonly List<SimulatedSite> _sites = [];
    private readonly Dictionary<MacAddress, SimulatedClient> _clients = [];
    private readonly List<string> _requests = [];
    private int _nextIp = 10;

    /// <summary>What a console applies when an authorization names no time limit (UniFi's guest default is 8 hours).</summary>
    public const int SiteDefaultMinutes = 480;

    public UnifiState(string defaultSite)
    {
        DefaultSite = defaultSite;
        AddSite(defaultSite);
    }

    /// <summary>The internalReference of the site that exists from the start.</summary>
    public string DefaultSite { get; }

    private int _siteManagerRequests;

    /// <summary>Requests the Site Manager stand-in let through (hosts list and connector calls).</summary>
    public int SiteManagerRequests => Volatile.Read(ref _siteManagerRequests);

    internal void CountSiteManagerRequest() => Interlocked.Increment(ref _siteManagerRequests);

    public SimulatorClock Clock { get; } = new();

    /// <summary>Every API request served, as "METHOD /path?query" with the query decoded (oldest first).</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The site with this internalReference, created when missing. Returns its id.</summary>
    public string AddSite(string internalReference)
    {
        lock (_gate)
        {
            var site = _sites.Find(s => s.InternalReference == internalReference);
            if (site is null)
            {
                site = new SimulatedSite(Guid.NewGuid().ToString(), internalReference, internalReference == "default" ? "Default" : internalReference);
                _sites.Add(site);
            }

            return site.Id;
        }
    }

    /// <summary>A device connects to a site (created if needed) as a guest or a regular client; replaces an earlier connection.</summary>
    public string Join(MacAddress mac, string site, bool wired = false, bool guest = true, string? name = null)
    {
        var siteId = AddSite(site);
        lock (_gate)
        {
            var client = new SimulatedClient
            {
                Id = Guid.NewGuid().ToString(),
                SiteId = siteId,
                MacAddress = mac.ToString(),
                Type = wired ? "WIRED" : "WIRELESS",
                Name = name ?? $"Device {mac}",
                IpAddress = $"10.0.{_nextIp / 250}.{(_nextIp++ % 250) + 2}",
                ConnectedAt = Clock.GetUtcNow(),
                IsGuest = guest,
            };
            _clients[mac] = client;
            return client.Id;
        }
    }

    /// <summary>The device disconnects; false when it was not connected.</summary>
    public bool Leave(MacAddress mac)
    {
        lock (_gate)
        {
            return _clients.Remove(mac);
        }
    }

    /// <summary>Adds traffic to a connected client's counters (rx: to the device). False when not connected.</summary>
    public bool AddUsage(MacAddress mac, long rxBytes, long txBytes)
    {
        lock (_gate)
        {
            if (!_clients.TryGetValue(mac, out var client))
            {
                return false;
            }

            client.RxBytes += rxBytes;
            client.TxBytes += txBytes;
            return true;
        }
    }

    internal void Log(string request)
    {
        lock (_gate)
        {
            if (_requests.Count == MaxLoggedRequests)
            {
                _requests.RemoveAt(0);
            }

            _requests.Add(request);
        }
    }

    internal IReadOnlyList<SiteView> Sites()
    {
        lock (_gate)
        {
            return [.. _sites.Select(s => new SiteView(s.Id, s.InternalReference, s.Name))];
        }
    }

    internal IReadOnlyList<ClientView> Clients(string siteId, bool withAuthorization)
    {
        lock (_gate)
        {
            RequireSite(siteId);
            return [.. _clients.Values.Where(c => c.SiteId == siteId).OrderBy(c => c.ConnectedAt).ThenBy(c => c.MacAddress, StringComparer.Ordinal)
                .Select(c => View(c, withAuthorization))];
        }
    }

    internal ClientView Client(string siteId, string clientId)
    {
        lock (_gate)
        {
            return View(Find(siteId, clientId), withAuthorization: true);
        }
    }

    internal ActionView Authorize(string siteId, string clientId, ActionRequest request, TimeSpan applyDelay)
    {
        lock (_gate)
        {
            var client = Find(siteId, clientId);
            if (!client.IsGuest)
            {
                throw UnifiApiException.BadRequest("Client is not a guest");
            }

            var revoked = Current(client) is { } previous ? AuthorizationView(client, previous) : null;
            var now = Clock.GetUtcNow();
            client.RxBytes = 0;
            client.TxBytes = 0;
            client.Authorization = new SimulatedAuthorization(now, now.AddMinutes(request.TimeLimitMinutes ?? SiteDefaultMinutes), now + applyDelay,
                request.DataUsageLimitMBytes, (int?)request.RxRateLimitKbps, (int?)request.TxRateLimitKbps);
            return new ActionView("AUTHORIZE_GUEST_ACCESS", AuthorizationView(client, client.Authorization), revoked);
        }
    }

    internal ActionView Unauthorize(string siteId, string clientId)
    {
        lock (_gate)
        {
            var client = Find(siteId, clientId);
            var revoked = Current(client) is { } previous ? AuthorizationView(client, previous) : null;
            client.Authorization = null;
            // Unauthorizing kicks the guest off the network; it shows up again, unauthorized, when it reconnects.
            _clients.Remove(MacAddress.Parse(client.MacAddress));
            return new ActionView("UNAUTHORIZE_GUEST_ACCESS", null, revoked);
        }
    }

    /// <summary>Everything, for GET /state on the control port.</summary>
    internal object Snapshot()
    {
        lock (_gate)
        {
            return new
            {
                now = Clock.GetUtcNow(),
                sites = _sites.Select(s => new
                {
                    s.Id,
                    s.InternalReference,
                    s.Name,
                    clients = _clients.Values.Where(c => c.SiteId == s.Id).Select(c => View(c, withAuthorization: true)).ToList(),
                }).ToList(),
                requests = _requests.ToList(),
            };
        }
    }

    private void RequireSite(string siteId)
    {
        if (!_sites.Exists(s => s.Id == siteId))
        {
            throw UnifiApiException.NotFound("Site");
        }
    }

    private SimulatedClient Find(string siteId, string clientId)
    {
        RequireSite(siteId);
        return _clients.Values.FirstOrDefault(c => c.SiteId == siteId && c.Id == clientId) ?? throw UnifiApiException.NotFound("Client");
    }

    // The authorization in force, dropping it once it has expired or used up its data.
    private SimulatedAuthorization? Current(SimulatedClient client)
    {
        if (client.Authorization is { } a && (Clock.GetUtcNow() >= a.ExpiresAt
            || (a.DataUsageLimitMBytes is { } mb && client.RxBytes + client.TxBytes >= mb * 1024 * 1024)))
        {
            client.Authorization = null;
        }

        return client.Authorization;
    }

    private ClientView View(SimulatedClient client, bool withAuthorization)
    {
        var authorization = Current(client);
        var applied = authorization is not null && Clock.GetUtcNow() >= authorization.AppliedAt;
        return new ClientView(client.Type, client.Id, client.Name, client.ConnectedAt, client.IpAddress, client.MacAddress, client.UplinkDeviceId,
            new AccessView(client.IsGuest ? "GUEST" : "DEFAULT", applied,
                withAuthorization && applied ? AuthorizationView(client, authorization!) : null));
    }

    private AuthorizationView AuthorizationView(SimulatedClient client, SimulatedAuthorization a)
    {
        var used = Clock.GetUtcNow() - a.AuthorizedAt;
        return new AuthorizationView(a.AuthorizedAt, "API", a.ExpiresAt, a.DataUsageLimitMBytes, a.RxRateLimitKbps, a.TxRateLimitKbps,
            new UsageView((long)Math.Max(0, used.TotalSeconds), client.RxBytes, client.TxBytes, client.RxBytes + client.TxBytes));
    }
}
