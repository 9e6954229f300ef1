using Hotspot.Hosting;

namespace Hotspot.Unifi;

/// <summary>
/// An <c>http://</c> base URL sends the controller's API key in clear: refused unless a lab allows it
/// (<see cref="ConfigurationKeys.UnifiAllowPlainHttp"/>), and never with a certificate pin, which plain http cannot check.
/// </summary>
public static class UnifiPlainHttp
{
    /// <summary>The admin field at fault and why, in Spanish; null when the URL may be used.</summary>
    public static (string Field, string Message)? Refusal(string? baseUrl, string? certificateSha256, bool allowed)
    {
        if (!IsPlain(baseUrl))
        {
            return null;
        }

        if (!allowed)
        {
            return ("base_url", "Use https: con http la API key del controlador viaja sin cifrar (solo un laboratorio puede permitirlo).");
        }

        return certificateSha256 is null ? null : ("certificado_sha256", "Una huella de certificado solo se comprueba con https: quítela o use https.");
    }

    public static bool IsPlain(string? baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp;
}
