namespace Hotspot.Radius;

/// <summary>
/// The timers we hand a RADIUS router. A router behind NAT cannot take CoA or Disconnect, so a refund or an expiry
/// takes effect when the router next asks: at the latest when <see cref="MaxSessionTimeout"/> ends the session and the
/// device logs in again (RouterOS's mac-cookie/cookie logins ask again at once). That is the revocation bound.
/// </summary>
public static class RadiusPolicy
{
    public static readonly TimeSpan MaxSessionTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan InterimInterval = TimeSpan.FromMinutes(1);

    /// <summary>Less than this left is nothing left: a login that would end at once is refused instead.</summary>
    public static readonly TimeSpan MinimumGrant = TimeSpan.FromSeconds(30);

    public const string NothingLeft = "Su tiempo se agotó. Compre más tiempo para seguir navegando.";
    public const string DataSpent = "Sus datos se agotaron. Compre más para seguir navegando.";
    public const string Revoked = "Esta compra fue reembolsada o anulada.";
    public const string Unknown = "Usuario o contraseña incorrectos.";
}
