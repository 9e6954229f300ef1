using System.Globalization;

namespace Hotspot.Simulators.RouterOs;

/// <summary>
/// Logging a device in: the one code path behind the API's <c>/ip/hotspot/active/login</c>, the gateway's page login
/// and a returning device's MAC cookie, so that each sees the sessions the others made. A device holds one session.
/// </summary>
public sealed partial class RouterState
{
    /// <summary>What a second login for a device that already has a session does (RouterOS keeps one session per host).</summary>
    public SecondLogin SecondLoginOnDevice { get; set; } = SecondLogin.Refuse;

    /// <summary>A session of the device, as <c>/ip/hotspot/active</c> prints it, or null when it is not logged in.</summary>
    internal IReadOnlyDictionary<string, string>? SessionOf(string macAddress)
    {
        lock (_gate)
        {
            var now = Clock.Now;
            Refresh(now);
            var active = Menu(MenuCatalog.Active);
            return active.Rows.Find(a => SameMac(a["mac-address"], macAddress)) is { } session ? Output(active, session, now) : null;
        }
    }

    /// <summary>The device's host entry (<c>mac-address</c>, <c>address</c>), or null when it is not on the hotspot network.</summary>
    internal (string Mac, string Address)? HostOf(string macAddress)
    {
        lock (_gate)
        {
            return Menu(MenuCatalog.Hosts).Rows.Find(h => SameMac(h["mac-address"], macAddress)) is { } host
                ? (host["mac-address"]!, host["address"]!)
                : null;
        }
    }

    /// <summary>
    /// A page login: <paramref name="authenticate"/> is given the user's stored password and answers how it matched
    /// (<c>http-pap</c>, <c>http-chap</c>), or null when it does not.
    /// </summary>
    internal LoginRefusal WebLogin(string macAddress, string user, Func<string, string?> authenticate)
    {
        lock (_gate)
        {
            var now = Clock.Now;
            Refresh(now);
            return Menu(MenuCatalog.Hosts).Rows.Find(h => SameMac(h["mac-address"], macAddress)) is { } host
                ? LogIn(host, user, authenticate, now)
                : LoginRefusal.HostNotFound;
        }
    }

    /// <summary>
    /// A device that is not logged in but holds an unexpired MAC cookie is logged in as the cookie's user
    /// (<c>login-by=mac-cookie</c>), as RouterOS does when it sees the device again. True when it now has a session.
    /// </summary>
    internal bool CookieLogin(string macAddress)
    {
        lock (_gate)
        {
            var now = Clock.Now;
            Refresh(now);
            var host = Menu(MenuCatalog.Hosts).Rows.Find(h => SameMac(h["mac-address"], macAddress));
            var cookie = Menu(MenuCatalog.Cookies).Rows.Find(c => SameMac(c["mac-address"], macAddress));
            return host is not null && cookie is not null
                && LogIn(host, cookie["user"] ?? string.Empty, _ => "mac-cookie", now) == LoginRefusal.None;
        }
    }

    /// <summary>
    /// The gateway's <c>/logout</c>: the device's session ends as <c>/ip/hotspot/active/remove</c> would end it, and its
    /// MAC cookie goes too, so that the guest is not logged straight back in by it.
    /// </summary>
    internal bool LogOut(string macAddress)
    {
        lock (_gate)
        {
            var now = Clock.Now;
            Refresh(now);
            var sessions = Menu(MenuCatalog.Active).Rows.Where(a => SameMac(a["mac-address"], macAddress)).ToList();
            foreach (var session in sessions)
            {
                EndSession(session, now - session.Created, Radius.TerminateCause.UserRequest);
            }

            Menu(MenuCatalog.Cookies).Rows.RemoveAll(c => SameMac(c["mac-address"], macAddress));

            return sessions.Count > 0;
        }
    }

    /// <summary><c>/ip/hotspot/active/login</c>: the device must be in the host table; a cookie follows when the profile asks.</summary>
    private Replies Login(Dictionary<string, string> args, DateTimeOffset now)
    {
        var mac = args.GetValueOrDefault("mac-address");
        if (mac is not null && (mac = WrittenValues.Mac(mac)) is null)
        {
            return Replies.Trap(WrittenValues.InvalidMac, 1);
        }

        var ip = args.GetValueOrDefault("ip");
        var host = Menu(MenuCatalog.Hosts).Rows.Find(h => (mac is not null && SameMac(h["mac-address"], mac)) || (mac is null && ip is not null && h["address"] == ip));
        var password = args.GetValueOrDefault("password");
        var refusal = host is null
            ? LoginRefusal.HostNotFound
            : LogIn(host, args.GetValueOrDefault("user") ?? string.Empty, stored => stored == (password ?? string.Empty) ? "http-pap" : null, now);
        return refusal == LoginRefusal.None ? Replies.Done() : Replies.Trap(ApiTrap(refusal, args.GetValueOrDefault("user")), 4);
    }

    private LoginRefusal LogIn(SimRow host, string userName, Func<string, string?> authenticate, DateTimeOffset now)
    {
        var user = Menu(MenuCatalog.Users).FindByName(userName);
        if (user is null || authenticate(user["password"] ?? string.Empty) is not { } loginBy)
        {
            return LoginRefusal.InvalidCredentials;
        }

        if (user["disabled"] == "true")
        {
            return LoginRefusal.Disabled;
        }

        if (user["mac-address"] is { } bound && bound != "00:00:00:00:00:00" && !SameMac(bound, host["mac-address"]))
        {
            return LoginRefusal.MacNotAllowed;
        }

        var profile = ProfileOf(user);
        var active = Menu(MenuCatalog.Active);
        var name = user["name"]!;
        if (Duration(user["limit-uptime"]) is { } limit && (Duration(user["uptime"]) ?? TimeSpan.Zero) >= limit)
        {
            return LoginRefusal.UptimeLimit;
        }

        var current = active.Rows.Where(a => SameMac(a["mac-address"], host["mac-address"])).ToList();
        if (current.Count > 0 && SecondLoginOnDevice == SecondLogin.Refuse)
        {
            return LoginRefusal.DeviceLoggedIn;
        }

        var shared = int.TryParse(profile?["shared-users"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 1;
        if (active.Rows.Count(a => a["user"] == name && !current.Contains(a)) >= shared)
        {
            return LoginRefusal.SessionLimit;
        }

        foreach (var replaced in current)
        {
            EndSession(replaced, now - replaced.Created);
        }

        var session = active.NewRow(now);
        session["server"] = host["server"];
        session["user"] = name;
        session["address"] = host["address"];
        session["mac-address"] = host["mac-address"];
        session["login-by"] = loginBy;
        host["authorized"] = "true";
        if (profile?["add-mac-cookie"] == "true")
        {
            var cookies = Menu(MenuCatalog.Cookies);
            cookies.Rows.RemoveAll(c => SameMac(c["mac-address"], host["mac-address"]));
            var cookie = cookies.NewRow(now);
            cookie["user"] = name;
            cookie["domain"] = string.Empty;
            cookie["mac-address"] = host["mac-address"];
            cookie.Until = now + (Duration(profile["mac-cookie-timeout"]) ?? TimeSpan.FromDays(3));
        }

        return LoginRefusal.None;
    }

    // API trap texts. "invalid user name or password" and the uptime and session-limit wording follow RouterOS; the
    // others are unverified on a real router (see the simulator's README).
    private static string ApiTrap(LoginRefusal refusal, string? user) => refusal switch
    {
        LoginRefusal.HostNotFound => "host not found: the device is not on the hotspot network",
        LoginRefusal.InvalidCredentials => "invalid user name or password",
        LoginRefusal.Disabled => "user disabled",
        LoginRefusal.MacNotAllowed => "your mac address is not allowed",
        LoginRefusal.UptimeLimit => "user " + user + " has reached uptime limit",
        LoginRefusal.SessionLimit => "no more sessions are allowed for user",
        LoginRefusal.DeviceLoggedIn => "already logged in",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    };
}
