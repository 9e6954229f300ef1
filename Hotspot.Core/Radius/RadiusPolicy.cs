namespace Hotspot.Radius;

/// <summary>
/// The timers we hand a RADIUS router, and the bounds they give. A router behind NAT cannot take CoA or Disconnect,
/// and an Accounting-Response cannot end a session, so a refund, an expiry or another device taking the time over
/// takes effect when the router next asks: at the latest when <see cref="MaxSessionTimeout"/> ends the session and
/// the device's login (RouterOS's mac-cookie/cookie logins ask again at once) is refused. That is the revocation and
/// takeover bound. A session whose Stop is lost counts as closed once <see cref="LostStopBound"/> passes without an
/// accounting request from it.
/// </summary>
public static class RadiusPolicy
{
    public static readonly TimeSpan MaxSessionTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan InterimInterval = TimeSpan.FromMinutes(1);

    /// <summary>Two interim updates missed, plus 30 s for retransmissions and delay: the session is gone.</summary>
    public static readonly TimeSpan LostStopBound = 2 * InterimInterval + TimeSpan.FromSeconds(30);

    /// <summary>How long a takeover login issued by auto-reconnect may be first used (the portal submits it at once).</summary>
    public static readonly TimeSpan TakeoverLoginLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Less than this left is nothing left: a login that would end at once is refused instead.</summary>
    public static readonly TimeSpan MinimumGrant = TimeSpan.FromSeconds(30);

    public const string NothingLeft = "Tu tiempo se agotó. Compra más tiempo para seguir navegando.";
    public const string DataSpent = "Tus datos se agotaron. Compra más para seguir navegando.";
    public const string Revoked = "Esta compra fue reembolsada o anulada.";
    public const string Unknown = "Usuario o contraseña incorrectos.";
    /// <summary>auto-reconnect's <c>mensaje</c> on a RADIUS router: the portal logs in with <c>datos_sesion</c> itself.</summary>
    public const string LoginOnRouter = "Tu acceso está listo: inicia sesión en la página del router con el usuario y la contraseña de datos_sesion (válidos solo en este dispositivo).";
    public const string OtherDevice = "Otro dispositivo está usando este tiempo. Abre de nuevo la página de la WiFi en este para pasarle el tiempo.";
}
