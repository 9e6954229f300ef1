using System.Globalization;

namespace Hotspot.Simulators.RouterOs;

/// <summary>
/// Sessions a RADIUS server granted (<c>use-radius=yes</c>): they live in <c>/ip/hotspot/active</c> with
/// <c>radius=true</c>, last as the Access-Accept says rather than as a local user's limits do, and report their end to
/// the hotspot's RADIUS client for the accounting Stop. A RADIUS login's MAC cookie keeps the credentials it replays.
/// </summary>
public sealed partial class RouterState
{
    private long _acctSessions;

    /// <summary>Called under the router's lock when a RADIUS session ends, with its final use; it must not block.</summary>
    internal Action<Radius.RadiusUse>? RadiusSessionEnded { get; set; }

    /// <summary>
    /// A new Acct-Session-Id, sent in the Access-Request and every accounting request of the session: "first 2 symbols =
    /// service, next symbol increments per reboot, last group per session" (MikroTik manual, RADIUS).
    /// </summary>
    internal string NextAcctSessionId() => "81a" + Interlocked.Increment(ref _acctSessions).ToString("x5", CultureInfo.InvariantCulture);

    /// <summary>Whether the name is a local <c>/ip/hotspot/user</c>: local users win, and never reach RADIUS.</summary>
    internal bool HasLocalUser(string name)
    {
        lock (_gate)
        {
            return Menu(MenuCatalog.Users).FindByName(name) is not null;
        }
    }

    /// <summary>The credentials an unexpired RADIUS MAC cookie of a device that is not logged in replays, or null.</summary>
    internal Radius.RadiusCredential? RadiusCookieOf(string macAddress)
    {
        lock (_gate)
        {
            var now = Clock.Now;
            Refresh(now);
            var loggedIn = Menu(MenuCatalog.Active).Rows.Exists(a => SameMac(a["mac-address"], macAddress));
            var cookie = Menu(MenuCatalog.Cookies).Rows.Find(c => SameMac(c["mac-address"], macAddress));
            return loggedIn ? null : cookie?.Radius?.Credential;
        }
    }

    /// <summary>
    /// Opens the session an Access-Accept granted: the device must be on the network and not logged in (a second
    /// login ends the first only with <see cref="SecondLogin.Replace"/>). Answers the session's use at its start.
    /// </summary>
    internal (LoginRefusal Refusal, Radius.RadiusUse? Started) StartRadiusSession(
        string macAddress, string acctSessionId, Radius.RadiusCredential credential, string loginBy, Radius.RadiusGrant grant)
    {
        lock (_gate)
        {
            var now = Clock.Now;
            Refresh(now);
            var host = Menu(MenuCatalog.Hosts).Rows.Find(h => SameMac(h["mac-address"], macAddress));
            if (host is null)
            {
                return (LoginRefusal.HostNotFound, null);
            }

            var active = Menu(MenuCatalog.Active);
            var current = active.Rows.Where(a => SameMac(a["mac-address"], macAddress)).ToList();
            if (current.Count > 0 && SecondLoginOnDevice == SecondLogin.Refuse)
            {
                return (LoginRefusal.DeviceLoggedIn, null);
            }

            foreach (var replaced in current)
            {
                EndSession(replaced, now - replaced.Created, Radius.TerminateCause.NasRequest);
            }

            var session = active.NewRow(now);
            session["server"] = host["server"];
            session["user"] = credential.UserName;
            session["address"] = host["address"];
            session["mac-address"] = host["mac-address"];
            session["login-by"] = loginBy;
            session["radius"] = "true";
            if (grant.IdleTimeout is { } idle)
            {
                session["idle-timeout"] = Hotspot.RouterOs.RouterOsDuration.Format(idle);
            }

            if (grant.TotalLimit is { } total)
            {
                session["limit-bytes-total"] = total.ToString(CultureInfo.InvariantCulture);
            }

            session.Radius = new Radius.RadiusSessionState(acctSessionId, grant, credential);
            host["authorized"] = "true";
            if (Menu(MenuCatalog.Profiles).FindByName(grant.Group ?? "default") is { } profile && profile["add-mac-cookie"] == "true")
            {
                var cookies = Menu(MenuCatalog.Cookies);
                cookies.Rows.RemoveAll(c => SameMac(c["mac-address"], host["mac-address"]));
                var cookie = cookies.NewRow(now);
                cookie["user"] = credential.UserName;
                cookie["domain"] = string.Empty;
                cookie["mac-address"] = host["mac-address"];
                cookie.Until = now + (Duration(profile["mac-cookie-timeout"]) ?? TimeSpan.FromDays(3));
                cookie.Radius = session.Radius;
            }

            return (LoginRefusal.None, RadiusUseOf(session, now));
        }
    }

    /// <summary>Every open RADIUS session's use now, for Interim-Update (sessions past their grant end first).</summary>
    internal IReadOnlyList<Radius.RadiusUse> RadiusSessions()
    {
        lock (_gate)
        {
            var now = Clock.Now;
            Refresh(now);
            return [.. Menu(MenuCatalog.Active).Rows.Where(a => a.Radius is not null).Select(a => RadiusUseOf(a, now))];
        }
    }

    /// <summary>The grant of the device's RADIUS session, or null when it has none.</summary>
    public Radius.RadiusGrant? RadiusGrantOf(string macAddress)
    {
        lock (_gate)
        {
            Refresh(Clock.Now);
            return Menu(MenuCatalog.Active).Rows.Find(a => SameMac(a["mac-address"], macAddress))?.Radius?.Grant;
        }
    }

    // Session-Timeout ends the session, and so does a byte limit once the simulated traffic reaches it
    // (receive = from the guest, transmit = to the guest, as the MikroTik manual defines them).
    private static TimeSpan? RadiusAllowance(Radius.RadiusGrant grant)
    {
        TimeSpan? allowance = grant.SessionTimeout;
        foreach (var (limit, perSecond) in new[] { (grant.TotalLimit, BytesInPerSecond + BytesOutPerSecond), (grant.RecvLimit, BytesInPerSecond), (grant.XmitLimit, BytesOutPerSecond) })
        {
            if (limit is { } bytes && TimeSpan.FromSeconds(bytes / perSecond) is var reached && (allowance is null || reached < allowance))
            {
                allowance = reached;
            }
        }

        return allowance;
    }

    private Radius.RadiusUse RadiusUseOf(SimRow session, DateTimeOffset at)
    {
        var output = Output(Menu(MenuCatalog.Active), session, at);
        long Count(string name) => long.TryParse(output.GetValueOrDefault(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new Radius.RadiusUse(
            session.Radius!.AcctSessionId, session["user"]!, session["mac-address"]!, session["address"]!, TruncateToSeconds(at - session.Created),
            Count("bytes-in"), Count("bytes-out"), Count("packets-in"), Count("packets-out"), session.Radius.Grant.Class);
    }
}
