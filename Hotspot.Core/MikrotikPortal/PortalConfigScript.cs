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
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>Without a brand: the pages show their own defaults until config/public answers.</summary>
    public static string Write(long routerId, string apiBaseUrl, IReadOnlyList<string> providers, DateTimeOffset generatedAt) =>
        Write(routerId, apiBaseUrl, providers, null, generatedAt);

    /// <param name="marca">The venue's brand when the file is made: the pages that never call the API (status, logout, alogin,
    /// error) show it, and the login page until config/public answers.</param>
    public static string Write(long routerId, string apiBaseUrl, IReadOnlyList<string> providers, Branding.MarcaPublica? marca, DateTimeOffset generatedAt)
    {
        var settings = new Dictionary<string, object>
        {
            ["api"] = apiBaseUrl,
            ["apiKey"] = KeyPlaceholder,
            ["proveedores"] = providers,
            ["idioma"] = "auto",
            ["router"] = routerId,
        };
        if (marca is not null)
        {
            settings["marca"] = marca;
        }

        // RouterOS reads $(name) as a page variable in the files it serves: no operator's "$" reaches the router as one.
        var json = JsonSerializer.Serialize(settings, Json).Replace("$", "\\u0024", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"""
            /* Hotspot portal settings for router {routerId}, generated {generatedAt:yyyy-MM-ddTHH:mm:ssZ}.
               apiKey: replace the placeholder with a PORTAL key of this router (POST /api/v1/admin/routers/{routerId}/api-keys
               with alcance "portal" shows a new one once). The key is visible to every guest: a portal key opens only the
               portal routes, and can be revoked. Never put an "integracion" key here: it is a server's secret.
               idioma: "es", "en" or "auto" (the guest's browser language when it is Spanish or English, else the brand's idioma).
               marca: the venue's brand as it was when this file was made; download the file again after changing it. */
            window.HOTSPOT_CONFIG = {json};

            """);
    }
}
