using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hotspot.MikrotikPortal;

/// <summary>
/// The portal's <c>config.js</c> for one router. The router's API key cannot be put in it: keys are shown once, when
/// issued, and never stored in a readable form. The file carries a placeholder the operator replaces with the key
/// of scope portal (the pages treat the placeholder as "no API": the plain login still works).
/// </summary>
public static class PortalConfigScript
{
    public const string KeyPlaceholder = "PEGUE_AQUI_LA_API_KEY_PORTAL_DEL_ROUTER";

    private static readonly JsonSerializerOptions Json = new()
    {
        // The default encoder writes <, >, &, ' and non-ASCII as \uXXXX: the value can never close a script element.
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = true,
    };

    public static string Write(long routerId, string apiBaseUrl, IReadOnlyList<string> providers, DateTimeOffset generatedAt)
    {
        var settings = new Dictionary<string, object>
        {
            ["api"] = apiBaseUrl,
            ["apiKey"] = KeyPlaceholder,
            ["proveedores"] = providers,
            ["idioma"] = "auto",
            ["router"] = routerId,
        };
        return string.Create(CultureInfo.InvariantCulture, $"""
            /* Hotspot portal settings for router {routerId}, generated {generatedAt:yyyy-MM-ddTHH:mm:ssZ}.
               apiKey: replace the placeholder with a PORTAL key of this router (POST /api/v1/admin/routers/{routerId}/api-keys
               with alcance "portal" shows a new one once). The key is visible to every guest: a portal key opens only the
               portal routes, and can be revoked. Never put an "integracion" key here: it is a server's secret.
               idioma: "es", "en" or "auto" (the guest's browser language). */
            window.HOTSPOT_CONFIG = {JsonSerializer.Serialize(settings, Json)};

            """);
    }
}
