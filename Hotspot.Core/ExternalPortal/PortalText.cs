using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Hotspot.ExternalPortal;

/// <summary>
/// The guest portal's words in Spanish (the default; "tú" and "ficha") and English: English when
/// <c>Accept-Language</c> asks for it, else the venue's language.
/// </summary>
public sealed record PortalText(
    string Lang,
    string Title,
    string Welcome,
    string FreeAccess,
    string Accept,
    string Online,
    string Continue,
    string Pending,
    string BadDevice,
    string UnknownRouter,
    string UnknownSite,
    string NotConnected,
    string NotAGuest,
    string Unavailable,
    string Failed,
    VoucherText Voucher,
    PurchaseText Purchase)
{
    public static readonly PortalText Spanish = new(
        "es", "Acceso a internet", "Bienvenido a {0}", "Acepta los términos de uso para navegar gratis durante {0} minutos.",
        "Aceptar y conectar", "Ya tienes acceso a internet.", "Continuar", "Tu acceso se está activando; espera unos segundos y continúa.",
        "El enlace no identifica tu dispositivo (falta la MAC o no es válida). Vuelve a conectarte a la red WiFi.",
        "Este portal no está configurado para esta red.", "Esta red no está configurada en el controlador.",
        "Tu dispositivo no aparece conectado a la red. Vuelve a conectarte a la red WiFi e inténtalo de nuevo.",
        "Tu dispositivo no está en la red de invitados.", "El controlador de la red no responde; inténtalo en un momento.",
        "No pudimos darle acceso a tu dispositivo; avisa al personal del lugar.",
        new VoucherText(
            "¿Tienes una ficha? Escribe su usuario y su código.", "Usuario", "Código", "Conectar con ficha",
            "El usuario o el código de la ficha no son correctos.", "Esta ficha todavía no es válida; inténtalo más tarde.",
            "Esta ficha ya venció.", "Demasiados intentos fallidos; espera unos minutos e inténtalo de nuevo.",
            "El formulario no es válido; vuelve a abrir la página.", "El acceso gratuito no está disponible en esta red; usa una ficha."),
        PurchaseText.Spanish);

    public static readonly PortalText English = new(
        "en", "Internet access", "Welcome to {0}", "Accept the terms of use to browse for free for {0} minutes.",
        "Accept and connect", "You are online.", "Continue", "Your access is being activated; wait a few seconds and continue.",
        "The link does not identify your device (its MAC is missing or invalid). Reconnect to the WiFi network.",
        "This portal is not set up for this network.", "This network is not set up on the controller.",
        "Your device does not appear connected to the network. Reconnect to the WiFi network and try again.",
        "Your device is not on the guest network.", "The network controller is not answering; try again in a moment.",
        "Your device could not be given access; please tell the staff.",
        new VoucherText(
            "Have a voucher? Enter its username and code.", "Username", "Code", "Connect with voucher",
            "The voucher's username or code is not right.", "This voucher is not valid yet; try again later.",
            "This voucher has expired.", "Too many failed attempts; wait a few minutes and try again.",
            "The form is not valid; open the page again.", "Free access is not offered on this network; use a voucher."),
        PurchaseText.English);

    /// <summary>Spanish or English as the request asks; null when it asks for neither (the venue's language then).</summary>
    public static PortalText? Asked(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var languages = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in languages)
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("es", StringComparison.OrdinalIgnoreCase))
            {
                return Spanish;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return null;
    }

    /// <summary>The best of Spanish and English for the request; Spanish when it states neither.</summary>
    public static PortalText For(HttpRequest request) => Asked(request) ?? Spanish;

    /// <summary>The words of a venue's language (<c>es</c> or <c>en</c>).</summary>
    public static PortalText Of(string? idioma) => idioma == English.Lang ? English : Spanish;

    public static string Fill(string template, object value) => string.Format(CultureInfo.InvariantCulture, template, value);
}

/// <summary>The portal's voucher (ficha) form and what it answers.</summary>
public sealed record VoucherText(
    string Prompt,
    string Username,
    string Passcode,
    string Submit,
    string Invalid,
    string NotYetValid,
    string Expired,
    string Throttled,
    string BadForm,
    string NoFreeAccess);
