using System.Globalization;
using System.Net;
using System.Text;

namespace Hotspot.MikrotikPortal;

/// <summary>
/// The RouterOS commands that put a MikroTik hotspot in RADIUS mode against our FreeRADIUS: the router's identity (its
/// NAS-Identifier), the <c>/radius</c> entry, and the hotspot server profiles. The two secrets are placeholders: the
/// identity is shown once, when the router is created or regenerated, and the shared secret is the deployment's, in
/// its vault; neither is ever written into a download. Running the script again replaces its own <c>/radius</c> entry.
/// </summary>
public static class RadiusSetupScript
{
    public const string Comment = "hotspot-radius";
    public const string IdentityPlaceholder = "PEGA_AQUI_EL_NAS_IDENTIFIER";
    public const string SecretPlaceholder = "PEGA_AQUI_EL_SECRETO_RADIUS";
    public const string AddressPlaceholder = "PEGA_AQUI_LA_IP_DEL_SERVIDOR_RADIUS";

    /// <param name="serverAddress">The RADIUS server's stable IP (RADIUS_IP_ADDRESS of the deployment), or null when not configured.</param>
    public static string Write(long routerId, IPAddress? serverAddress, DateTimeOffset generatedAt)
    {
        var comment = RouterOsScriptText.Quote(Comment);
        var script = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# Hotspot: RADIUS mode for router {routerId}, generated {generatedAt:yyyy-MM-ddTHH:mm:ssZ}.\n")
            .Append("# The router connects out to FreeRADIUS on every login and accounting update; nothing connects to it.\n")
            .Append("# Replace before running (paste into a RouterOS terminal or run with /import):\n")
            .Append(CultureInfo.InvariantCulture, $"#   {IdentityPlaceholder}: the router's radius.nas_identifier, shown once when it was created\n")
            .Append(CultureInfo.InvariantCulture, $"#     (POST /api/v1/admin/routers/{routerId}/radius/regenerate shows a new one and ends the old).\n")
            .Append(CultureInfo.InvariantCulture, $"#   {SecretPlaceholder}: the deployment's RADIUS shared secret (Key Vault secret radius-shared-secret).\n");
        if (serverAddress is null)
        {
            script.Append(CultureInfo.InvariantCulture, $"#   {AddressPlaceholder}: the address azd up printed as RADIUS_IP_ADDRESS.\n");
        }

        var address = serverAddress?.ToString() ?? AddressPlaceholder;
        return script
            .Append("# Then run the walled-garden download too, so that guests reach the portal API and the payment pages before login.\n")
            .Append(CultureInfo.InvariantCulture, $"/system identity set name={RouterOsScriptText.Quote(IdentityPlaceholder)}\n")
            .Append(CultureInfo.InvariantCulture, $"/radius remove [find where comment={comment}]\n")
            // 3 s: FreeRADIUS waits up to 2 s for our API, and the router's default of 1100 ms would resend before that.
            .Append(CultureInfo.InvariantCulture, $"/radius add service=hotspot address={address} secret={RouterOsScriptText.Quote(SecretPlaceholder)} timeout=3s comment={comment}\n")
            .Append("/ip hotspot profile set [find] use-radius=yes radius-accounting=yes radius-interim-update=received login-by=http-chap,cookie,mac-cookie radius-mac-format=XX:XX:XX:XX:XX:XX\n")
            .ToString();
    }
}
